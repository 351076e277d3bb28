package org.convoy.support.sms;

import java.util.List;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * What the platform may spend on texts ({@code convoy.sms.*}).
 *
 * @param allowedPrefixes    E.164 prefixes texts may go to ({@code SMS_ALLOWED_PREFIXES}, default Mexico and +1)
 * @param refusedPrefixes    prefixes refused even so: premium-rate ranges ({@code SMS_REFUSED_PREFIXES})
 * @param perNumberPerHour   texts one number may receive in an hour; more wait for the next hour
 * @param platformPerHour    texts the whole platform may send in an hour; more wait for the next hour
 */
@Validated
@ConfigurationProperties("convoy.sms")
public record TextingProperties(
        @NotNull @DefaultValue({ "+52", "+1" }) List<String> allowedPrefixes,
        @NotNull @DefaultValue({ "+1900", "+1976", "+52900" }) List<String> refusedPrefixes,
        @Min(1) @DefaultValue("10") int perNumberPerHour,
        @Min(1) @DefaultValue("500") int platformPerHour) {

    public TextDestinations destinations() {
        return new TextDestinations(allowedPrefixes, refusedPrefixes);
    }
}
