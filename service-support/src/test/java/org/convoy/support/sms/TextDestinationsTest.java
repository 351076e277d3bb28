package org.convoy.support.sms;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Texts go only to the countries the convoy works with, never to premium-rate or satellite numbers. */
class TextDestinationsTest {

    private final TextDestinations destinations = new TextDestinations(List.of("+52", "+1"),
            List.of("+1900", "+1976", "+52900"));

    @ParameterizedTest
    @ValueSource(strings = { "+523312345678", "+525512345678", "+14155550100", "+12135550123" })
    void mexicanAndNorthAmericanMobilesMayReceiveTexts(String number) {
        assertThat(destinations.allows(number)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = { "+19005550100", "+19765550100", "+529001234567", "+881612345678", "+882123456789",
            "+252612345678", "+447700900123", "523312345678", "" })
    void premiumRateSatelliteAndOtherCountriesNumbersMayNot(String number) {
        assertThat(destinations.allows(number)).isFalse();
    }
}
