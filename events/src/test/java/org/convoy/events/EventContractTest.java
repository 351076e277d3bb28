package org.convoy.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.skyscreamer.jsonassert.JSONAssert;
import org.skyscreamer.jsonassert.JSONCompareMode;

/**
 * Pins the JSON of every event: a change here is a change of the contract between services and must be
 * deliberate (a new schemaVersion, or an added field that old readers may ignore).
 */
class EventContractTest {

    private final EventCodec codec = new EventCodec();

    static Stream<Class<? extends ConvoyEvent>> eventTypes() {
        return EventCatalog.types().stream();
    }

    @ParameterizedTest
    @MethodSource("eventTypes")
    void writesThePinnedJson(Class<? extends ConvoyEvent> type) throws Exception {
        ConvoyEvent sample = SampleEvents.all().get(type);

        JSONAssert.assertEquals(fixture(type), codec.toJson(sample), JSONCompareMode.STRICT);
    }

    @ParameterizedTest
    @MethodSource("eventTypes")
    void readsThePinnedJsonBack(Class<? extends ConvoyEvent> type) throws Exception {
        assertThat(codec.read(fixture(type), type)).isEqualTo(SampleEvents.all().get(type));
    }

    @ParameterizedTest
    @MethodSource("eventTypes")
    void readerIgnoresFieldsItDoesNotKnow(Class<? extends ConvoyEvent> type) throws Exception {
        String pinned = fixture(type);
        String fromNewerProducer = "{\"addedInVersion2\":{\"nested\":[1,2]},\"priority\":\"HIGH\","
                + pinned.strip().substring(1);

        assertThat(codec.read(fromNewerProducer, type)).isEqualTo(SampleEvents.all().get(type));
    }

    @ParameterizedTest
    @MethodSource("eventTypes")
    void everyEventCarriesIdTimeSchemaVersionAndItsAggregateAsKey(Class<? extends ConvoyEvent> type) {
        ConvoyEvent sample = SampleEvents.all().get(type);

        assertThat(sample.eventId()).isNotNull();
        assertThat(sample.occurredAt()).isEqualTo(SampleEvents.AT);
        assertThat(sample.schemaVersion()).isEqualTo(
                sample instanceof RegistrationLinkIssued || sample instanceof CarriesProfile ? 2 : 1);
        String expectedKey = sample instanceof DelegateEvent delegateEvent ? delegateEvent.delegateId().toString()
                : sample instanceof DelegateKeyEvent keyEvent ? keyEvent.delegateId().toString()
                : sample instanceof ConvoyDefinitionEvent ? SampleEvents.CONVOY
                : sample instanceof SessionEvent ? SampleEvents.ORGANIZER
                : sample instanceof HostEvent ? SampleEvents.HOST : SampleEvents.MEETING.toString();
        assertThat(sample.aggregateId()).isEqualTo(expectedKey);
        assertThat(codec.toJson(sample)).doesNotContain("aggregateId");
    }

    @Test
    void eachStreamHasOneTopic() {
        assertThat(EventCatalog.types()).allSatisfy(type -> assertThat(EventCatalog.topicOf(type))
                .isEqualTo(DelegateEvent.class.isAssignableFrom(type) ? Topics.DELEGATES
                        : DelegateKeyEvent.class.isAssignableFrom(type) ? Topics.DELEGATE_KEYS
                        : ConvoyDefinitionEvent.class.isAssignableFrom(type) ? Topics.CONVOYS
                        : SessionEvent.class.isAssignableFrom(type) ? Topics.SESSIONS
                        : HostEvent.class.isAssignableFrom(type) ? Topics.HOSTS : Topics.MEETINGS));
    }

    @ParameterizedTest
    @MethodSource("profileEvents")
    void eventsOfOlderProducersWithTheProfileInTheClearStillRead(Class<? extends ConvoyEvent> type) throws Exception {
        String json = new String(getClass().getResourceAsStream("/events/" + type.getSimpleName() + ".schema1.json")
                .readAllBytes(), StandardCharsets.UTF_8);

        ConvoyEvent read = codec.read(json, type);

        assertThat(read).isEqualTo(SampleEvents.schema1().get(type));
        assertThat(((CarriesProfile) read).profile().familyName()).isEqualTo("Hernández Núñez");
        assertThat(((CarriesProfile) read).sealedProfile()).isNull();
    }

    @Test
    void convoysPublishedBeforeTheyHadAStatusStillRead() throws Exception {
        String json = new String(getClass().getResourceAsStream("/events/ConvoyPublished.schema1.json").readAllBytes(),
                StandardCharsets.UTF_8);

        ConvoyDetails details = codec.read(json, ConvoyPublished.class).details();

        assertThat(details.name("en")).isEqualTo("Municipalities Convoy — California 2023");
        assertThat(details.cities()).extracting(ConvoyDetails.City::name).containsExactly("Los Angeles", "San José");
        assertThat(details.cities()).extracting(ConvoyDetails.City::zone).containsOnlyNulls();
        assertThat(details.status()).isNull();
        assertThat(details.places()).isNull();
        assertThat(details.registration()).isNull();
        assertThat(details.reminders()).isNull();
        assertThat(details.remindersOrDefault()).isEqualTo(ConvoyDetails.DEFAULT_REMINDERS);
        assertThat(details.travel()).isNull();
    }

    @Test
    void travelBetweenCitiesTakesTheNamedLegEitherWayRoundOrTheConvoysDefault() {
        ConvoyDetails.Travel travel = SampleEvents.CALIFORNIA.travel();

        assertThat(travel.minutes("SAN_JOSE", "LOS_ANGELES")).isEqualTo(330);
        assertThat(travel.minutes("LOS_ANGELES", "SAN_FRANCISCO")).isEqualTo(360);
        assertThat(travel.minutes("SAN_JOSE", "SAN_JOSE")).isZero();
    }

    static Stream<Class<? extends ConvoyEvent>> profileEvents() {
        return Stream.of(DelegateRegistered.class, DelegateUpdated.class);
    }

    @Test
    void sealedEventsCarryNoPersonalDataInTheClear() {
        assertThat(SampleEvents.all().values()).filteredOn(CarriesProfile.class::isInstance)
                .map(CarriesProfile.class::cast)
                .allSatisfy(event -> assertThat(event.profile()).isNull())
                .allSatisfy(event -> assertThat(codec.toJson((ConvoyEvent) event)).doesNotContain("María", "@", "+52"));
    }

    @Test
    void typeNamesOnTheWireResolveToTheirClassAndUnknownNamesToNothing() {
        assertThat(EventCatalog.typeFor("MeetingRescheduled")).contains(MeetingRescheduled.class);
        assertThat(EventCatalog.typeFor("DelegateTeleported")).isEmpty();
        assertThat(EventCatalog.typeFor(null)).isEmpty();
    }

    @Test
    void unreadablePayloadIsReportedAsAnUnreadableEvent() {
        assertThatThrownBy(() -> codec.read("{not json", DelegateApproved.class))
                .isInstanceOf(UnreadableEventException.class);
        assertThatThrownBy(() -> codec.read("{\"eventId\":\"not-a-uuid\"}", DelegateApproved.class))
                .isInstanceOf(UnreadableEventException.class);
        assertThatThrownBy(() -> codec.read("{\"delegateId\":\"" + SampleEvents.DELEGATE + "\"}", DelegateApproved.class))
                .isInstanceOf(UnreadableEventException.class)
                .hasMessageContaining("without eventId");
    }

    @Test
    void accentsSurviveTheRoundTripAsUtf8() {
        DelegateRegistered registered = (DelegateRegistered) SampleEvents.schema1().get(DelegateRegistered.class);

        byte[] bytes = codec.toBytes(registered);

        assertThat(new String(bytes, StandardCharsets.UTF_8)).contains("María", "Hernández Núñez");
        assertThat(codec.read(bytes, DelegateRegistered.class).profile().fullName()).isEqualTo("María Hernández Núñez");
    }

    private static String fixture(Class<?> type) throws IOException {
        try (InputStream in = EventContractTest.class.getResourceAsStream("/events/" + type.getSimpleName() + ".json")) {
            assertThat(in).as("fixture for %s", type.getSimpleName()).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
