package org.convoy.scheduling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.convoy.scheduling.SchedulingFixture.californiaCopy;
import static org.convoy.scheduling.SchedulingFixture.json;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.convoy.events.ConvoyDatesChanged;
import org.convoy.events.ConvoyEvent;
import org.convoy.events.ConvoyDetails;
import org.convoy.events.ConvoyPublished;
import org.convoy.events.EventCodec;
import org.convoy.events.EventHeaders;
import org.convoy.events.Topics;
import org.convoy.scheduling.convoy.domain.ConvoyRepository;
import org.convoy.scheduling.delegate.domain.ScheduledDelegateRepository;
import org.convoy.scheduling.host.domain.HostRepository;
import org.convoy.support.test.EventProbe;
import org.convoy.support.test.Http;
import org.convoy.support.test.MutableClock;
import org.convoy.support.test.ServiceIntegrationTest;
import org.convoy.support.test.TestEventPublisher;
import org.convoy.support.test.TestTokens;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.core.env.Environment;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Organizers create, copy, edit and move convoys through their statuses; every change is published on the convoy
 * stream; bad definitions are refused naming the field, and nothing is stored.
 */
@ServiceIntegrationTest
@Import(MutableClock.Config.class)
class ConvoyAdministrationIT {

    static final String TOKEN = TestTokens.organizer();
    static final JsonMapper JSON = JsonMapper.builder().build();
    static final EventCodec CODEC = new EventCodec();

    private static EventProbe convoyStream;

    @Autowired
    TestEventPublisher events;

    @Autowired
    ScheduledDelegateRepository delegates;

    @Autowired
    ConvoyRepository convoys;

    @Autowired
    HostRepository hosts;

    @Autowired
    Environment environment;

    @LocalServerPort
    int port;

    @BeforeEach
    void setUp() {
        if (convoyStream == null) {
            convoyStream = new EventProbe(environment.getRequiredProperty("spring.cloud.stream.kafka.binder.brokers"),
                    Topics.CONVOYS);
        }
    }

    @AfterAll
    static void closeProbe() {
        if (convoyStream != null) {
            convoyStream.close();
            convoyStream = null;
        }
    }

    @Test
    void theSampleConvoysAreThe2023OneHeldAndThe2027OneOpenWithTheHostsItCopied() {
        JsonNode all = json(Http.get(base(), TOKEN));

        assertThat(all.findValuesAsString("id")).contains("california-2027", "california-2023");
        JsonNode held = json(Http.get(base() + "/california-2023", TOKEN));
        JsonNode open = json(Http.get(base() + "/california-2027", TOKEN));
        assertThat(held.get("status").asString()).isEqualTo("HELD");
        assertThat(held.get("places").get("total").asInt()).isEqualTo(150);
        assertThat(open.get("status").asString()).isEqualTo("OPEN");
        assertThat(open.get("nextStatuses").get(0).asString()).isEqualTo("CLOSED");
        assertThat(open.get("copiedFrom").asString()).isEqualTo("california-2023");
        JsonNode disney = json(Http.get(base() + "/california-2027/hosts/disney", TOKEN));
        assertThat(disney.get("availability").get(0).get("startsAt").asString()).startsWith("2027-03-0");
        assertThat(published("california-2027")).extracting(event -> event.details().status()).contains("OPEN");
    }

    @Test
    void anOrganizerCreatesADraftByCopyingAConvoyAndOpensIt() {
        String id = "texas-" + suffix();
        ObjectNode texas = texas(id);
        texas.put("copyFrom", "california-2023");

        HttpResponse<String> created = Http.postJson(base(), texas.toString(), TOKEN);

        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        assertThat(created.headers().firstValue("Location")).contains("/api/scheduling/convoys/" + id);
        assertThat(json(created).get("status").asString()).isEqualTo("DRAFT");
        assertThat(json(created).get("zone").asString()).isEqualTo("America/Chicago");
        assertThat(hosts.findByConvoyIdOrderByName(id)).as("no host of California is in a Texas city").isEmpty();

        HttpResponse<String> opened = Http.postJson(base() + "/" + id + "/status", "{\"status\": \"OPEN\"}", TOKEN);
        HttpResponse<String> skipped = Http.postJson(base() + "/" + id + "/status", "{\"status\": \"HELD\"}", TOKEN);

        assertThat(opened.statusCode()).as(opened.body()).isEqualTo(200);
        assertThat(skipped.statusCode()).as(skipped.body()).isEqualTo(409);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(published(id))
                .extracting(event -> event.sequence() + ":" + event.details().status())
                .containsExactly("0:DRAFT", "1:OPEN"));
        ConvoyPublished last = published(id).get(1);
        assertThat(last.details().name("en")).isEqualTo("Texas " + id);
        assertThat(last.details().places().byRole()).containsEntry("MAYOR", 40);
        assertThat(last.details().cities()).extracting(city -> city.zone()).containsOnly("America/Chicago");
        assertThat(last.details().registration().closesAt()).isNotNull();
    }

    @Test
    void aCopyInTheSameCitiesTakesTheHostsWithTheirTimesMovedToItsDays() {
        String id = "california-" + suffix();
        ObjectNode copy = texas(id);
        copy.put("copyFrom", "california-2023");
        copy.set("cities", JSON.readTree("""
                [{"id": "LOS_ANGELES", "name": "Los Angeles", "zone": "America/Los_Angeles"}]"""));
        copy.set("days", days("LOS_ANGELES", "2028-02-28", "2028-02-29"));
        copy.put("startsOn", "2028-02-28").put("endsOn", "2028-02-29");
        copy.set("travel", JSON.readTree("{\"withinCityMinutes\": 40, \"betweenCitiesMinutes\": 300}"));
        ((ObjectNode) copy.get("registration")).put("closesAt", "2028-02-20T00:00:00-08:00");

        HttpResponse<String> created = Http.postJson(base(), copy.toString(), TOKEN);

        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        JsonNode disney = json(Http.get(base() + "/" + id + "/hosts/disney", TOKEN));
        // California 2023 started on Monday 27 February; this copy on Monday 28 February 2028: 1,827 days later.
        assertThat(disney.get("availability").findValuesAsString("startsAt"))
                .allSatisfy(start -> assertThat(start).startsWith("2028-02-2").endsWith("-08:00"));
        assertThat(hosts.findByConvoyIdOrderByName(id)).extracting(host -> host.venue().city())
                .containsOnly("LOS_ANGELES");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "reversed dates | endsOn | 2027-06-01",
            "a day outside the range | days[1].date | 2027-07-01",
            "the same day twice | days[1].date | 2027-06-07",
            "an unknown zone | cities[0].zone | America/Houston",
            "a negative travel time | travel.cityLegs[0].minutes | -5",
            "places that do not add up | places.byRole | 99",
            "registration closing before it opens | registration.closesAt | 2026-01-01T00:00:00-06:00",
            "registration closing after the convoy | registration.closesAt | 2027-07-01T00:00:00-05:00",
            "a day in a city the convoy does not visit | days[0].cities[0] | EL_PASO",
            "data kept for less than the convoy | retainUntil | 2027-06-08",
            "an id that is not an id | id | Texas 2027",
            "a reminder at zero hours | reminders[0].hours | 0",
            "a reminder after the meeting | reminders[1].hours | -1",
            "a reminder more than two weeks ahead | reminders[0].hours | 337",
            "the same reminder twice | reminders[1] | 24",
            "a reminder on an unknown channel | reminders[0].channel | PIGEON" })
    void refusesABadDefinitionNamingTheFieldAndStoresNothing(String why, String field, String value) {
        String id = "bad-" + suffix();
        ObjectNode bad = texas(id);
        switch (why) {
            case "reversed dates" -> bad.put("endsOn", value);
            case "a day outside the range" -> ((ObjectNode) bad.get("days").get(1)).put("date", value);
            case "the same day twice" -> ((ObjectNode) bad.get("days").get(1)).put("date", value);
            case "an unknown zone" -> ((ObjectNode) bad.get("cities").get(0)).put("zone", value);
            case "a negative travel time" -> ((ObjectNode) bad.get("travel").get("cityLegs").get(0))
                    .put("minutes", Integer.parseInt(value));
            case "places that do not add up" -> ((ObjectNode) bad.get("places").get("byRole"))
                    .put("STAFF", Integer.parseInt(value));
            case "registration closing before it opens", "registration closing after the convoy" ->
                    ((ObjectNode) bad.get("registration")).put("closesAt", value);
            case "a day in a city the convoy does not visit" -> ((ArrayNode) bad.get("days").get(0).get("cities"))
                    .set(0, value);
            case "data kept for less than the convoy" -> bad.put("retainUntil", value);
            case "an id that is not an id" -> bad.put("id", value);
            case "a reminder at zero hours", "a reminder more than two weeks ahead" ->
                    bad.set("reminders", reminders(Integer.parseInt(value) + ":EMAIL", "2:SMS"));
            case "a reminder after the meeting" -> bad.set("reminders", reminders("24:EMAIL", value + ":SMS"));
            case "the same reminder twice" -> bad.set("reminders", reminders("24:EMAIL", value + ":EMAIL"));
            case "a reminder on an unknown channel" -> bad.set("reminders", reminders("24:" + value));
            default -> throw new IllegalArgumentException(why);
        }

        HttpResponse<String> refused = Http.postJson(base(), bad.toString(), TOKEN);

        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(400);
        assertThat(refused.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(json(refused).get("errors").findValuesAsString("field")).contains(field);
        assertThat(convoys.existsById(id)).as("nothing stored").isFalse();
    }

    @Test
    void remindersDefaultToADayByEmailAndTwoHoursByTextAndOrganizersSetTheirOwnWhichArePublished() {
        String id = "texas-" + suffix();
        HttpResponse<String> created = Http.postJson(base(), texas(id).toString(), TOKEN);
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        assertThat(json(created).get("reminders").toString())
                .isEqualTo("[{\"hours\":24,\"channel\":\"EMAIL\"},{\"hours\":2,\"channel\":\"SMS\"}]");

        ObjectNode edited = texas(id);
        edited.set("reminders", reminders("48:EMAIL", "3:SMS", "1:SMS"));
        HttpResponse<String> changed = Http.send("PUT", base() + "/" + id, strip(edited), TOKEN);
        HttpResponse<String> refused = Http.send("PUT", base() + "/" + id,
                strip(edited.set("reminders", reminders("0:SMS"))), TOKEN);

        assertThat(changed.statusCode()).as(changed.body()).isEqualTo(200);
        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(400);
        assertThat(json(refused).get("errors").findValuesAsString("field")).contains("reminders[0].hours");
        assertThat(json(Http.get(base() + "/" + id, TOKEN)).get("reminders").findValuesAsString("channel"))
                .as("the refused edit stored nothing").containsExactly("EMAIL", "SMS", "SMS");
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(published(id)).hasSize(2));
        assertThat(published(id).get(0).details().reminders()).extracting(reminder -> reminder.hours() + ":"
                + reminder.channel()).containsExactly("24:EMAIL", "2:SMS");
        ConvoyDetails last = published(id).get(1).details();
        assertThat(last.reminders()).extracting(reminder -> reminder.hours() + ":" + reminder.channel())
                .containsExactly("48:EMAIL", "3:SMS", "1:SMS");
        assertThat(last.travel().minutes("SAN_ANTONIO", "HOUSTON")).isEqualTo(200);
        assertThat(last.travel().minutes("HOUSTON", "AUSTIN")).isEqualTo(240);
    }

    private static ArrayNode reminders(String... hoursAndChannels) {
        ArrayNode reminders = JSON.createArrayNode();
        for (String reminder : hoursAndChannels) {
            String[] parts = reminder.split(":");
            reminders.addObject().put("hours", Integer.parseInt(parts[0])).put("channel", parts[1]);
        }
        return reminders;
    }

    @Test
    void unknownFieldsAndATakenIdAreRefused() {
        String id = "texas-" + suffix();
        ObjectNode withSequence = texas(id);
        withSequence.put("sequence", 9);

        HttpResponse<String> unknownField = Http.postJson(base(), withSequence.toString(), TOKEN);
        HttpResponse<String> first = Http.postJson(base(), texas(id).toString(), TOKEN);
        HttpResponse<String> again = Http.postJson(base(), texas(id).toString(), TOKEN);
        HttpResponse<String> anonymous = Http.postJson(base(), texas("anon-" + suffix()).toString());

        assertThat(unknownField.statusCode()).isEqualTo(400);
        assertThat(unknownField.body()).contains("sequence");
        assertThat(first.statusCode()).as(first.body()).isEqualTo(201);
        assertThat(again.statusCode()).isEqualTo(409);
        assertThat(anonymous.statusCode()).isEqualTo(401);
    }

    @Test
    void editsKeepHeldPlacesAndDaysWithConfirmedMeetingsAndAnnounceNewDates() {
        String id = "edit-" + suffix();
        ObjectNode convoy = californiaCopy((ObjectNode) json(Http.get(base() + "/california-2023", TOKEN)), id);
        assertThat(Http.postJson(base(), convoy.toString(), TOKEN).statusCode()).isEqualTo(201);
        SchedulingFixture fixture = new SchedulingFixture(events, delegates, port, id);
        List<UUID> cohort = fixture.approvedCohort(3, List.of("CINEMATOGRAPHY"), List.of("CREATIVE_INDUSTRIES"));
        fixture.confirmed("disney", "2023-02-28T10:00:00-08:00", "2023-02-28T11:00:00-08:00", cohort);

        ObjectNode fewerMayors = convoy.deepCopy();
        ((ObjectNode) fewerMayors.get("places").get("byRole")).put("MAYOR", 2).put("STAFF", 103);
        ObjectNode withoutTuesday = convoy.deepCopy();
        ((ArrayNode) withoutTuesday.get("days")).remove(1);
        ObjectNode longer = convoy.deepCopy();
        longer.put("endsOn", "2023-03-04").put("retainUntil", "2024-03-04");
        ((ArrayNode) longer.get("days")).add(JSON.readTree("{\"date\": \"2023-03-04\", \"cities\": [\"SAN_FRANCISCO\"]}"));
        longer.remove("id");
        longer.remove("copyFrom");

        HttpResponse<String> placesRefused = Http.send("PUT", base() + "/" + id, strip(fewerMayors), TOKEN);
        HttpResponse<String> dayRefused = Http.send("PUT", base() + "/" + id, strip(withoutTuesday), TOKEN);
        HttpResponse<String> moved = Http.send("PUT", base() + "/" + id, longer.toString(), TOKEN);

        assertThat(placesRefused.statusCode()).as(placesRefused.body()).isEqualTo(409);
        assertThat(placesRefused.body()).contains("3 places as MAYOR");
        assertThat(dayRefused.statusCode()).as(dayRefused.body()).isEqualTo(409);
        assertThat(dayRefused.body()).contains("2023-02-28");
        assertThat(moved.statusCode()).as(moved.body()).isEqualTo(200);
        assertThat(json(moved).get("endsOn").asString()).isEqualTo("2023-03-04");
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(events(id, ConvoyDatesChanged.class))
                .singleElement().satisfies(changed -> {
                    assertThat(changed.previousEndsOn()).hasToString("2023-03-03");
                    assertThat(changed.endsOn()).hasToString("2023-03-04");
                    assertThat(changed.sequence()).isEqualTo(1);
                }));

        for (String status : List.of("OPEN", "CLOSED", "HELD")) {
            assertThat(Http.postJson(base() + "/" + id + "/status", "{\"status\": \"" + status + "\"}", TOKEN)
                    .statusCode()).isEqualTo(200);
        }
        HttpResponse<String> heldEdit = Http.send("PUT", base() + "/" + id, longer.toString(), TOKEN);
        assertThat(heldEdit.statusCode()).isEqualTo(409);
        assertThat(heldEdit.body()).contains("HELD");
    }

    @Test
    void draftingADayWithNothingToDraftSaysWhyInsteadOfCreatingNothing() {
        String id = "empty-" + suffix();
        assertThat(Http.postJson(base(), texas(id).toString(), TOKEN).statusCode()).isEqualTo(201);
        String draftDay = base() + "/" + id + "/days/2027-06-07/draft-agenda";

        HttpResponse<String> nobodyApproved = Http.postJson(draftDay, "{}", TOKEN);
        new SchedulingFixture(events, delegates, port, id).approvedCohort(3, List.of("AGRIBUSINESS"), List.of("ECONOMIC"));
        HttpResponse<String> noHost = Http.postJson(draftDay, "{}", TOKEN);

        assertThat(nobodyApproved.statusCode()).as(nobodyApproved.body()).isEqualTo(200);
        assertThat(json(nobodyApproved).get("drafts").size()).isZero();
        assertThat(json(nobodyApproved).get("reasons").get(0).get("code").asString()).isEqualTo("NO_APPROVED_DELEGATES");
        assertThat(noHost.statusCode()).isEqualTo(200);
        assertThat(json(noHost).get("reasons").get(0).get("code").asString()).isEqualTo("NO_HOSTS_IN_CITY");
        assertThat(json(noHost).get("reasons").get(0).get("message").asString()).contains("Houston", "2027-06-07");
    }

    /** Houston keeps Central time and El Paso Mountain time: each meeting is planned and shown in its city's. */
    @Test
    void aConvoyAcrossTwoZonesPlansEachMeetingInItsCitysTime() {
        String id = "west-texas-" + suffix();
        ObjectNode convoy = texas(id);
        ((ObjectNode) convoy.get("cities").get(2)).put("id", "EL_PASO").put("name", "El Paso").put("zone", "America/Denver");
        ((ArrayNode) convoy.get("days").get(2).get("cities")).set(0, "EL_PASO");
        assertThat(Http.postJson(base(), convoy.toString(), TOKEN).statusCode()).isEqualTo(201);
        SchedulingFixture fixture = new SchedulingFixture(events, delegates, port, id);
        String host = """
                {"hostId": "utep", "name": "UTEP", "venue": {"name": "Campus", "address": "500 W University Ave",
                 "city": "EL_PASO", "roomCapacity": 20}, "sectors": ["CINEMATOGRAPHY"], "axes": ["CREATIVE_INDUSTRIES"],
                 "availability": [{"startsAt": "2027-06-09T09:00:00-06:00", "endsAt": "2027-06-09T18:00:00-06:00"}]}""";
        HttpResponse<String> added = Http.postJson(base() + "/" + id + "/hosts", host, TOKEN);
        assertThat(added.statusCode()).as(added.body()).isEqualTo(201);
        assertThat(json(added).get("zone").asString()).isEqualTo("America/Denver");
        assertThat(json(added).get("availability").get(0).get("startsAt").asString())
                .isEqualTo("2027-06-09T09:00:00-06:00");
        List<UUID> cohort = fixture.approvedCohort(1, List.of("CINEMATOGRAPHY"), List.of("CREATIVE_INDUSTRIES"));

        // 09:30 in El Paso is 10:30 in Houston; in Central time the meeting would start before the host opens.
        UUID meeting = fixture.confirmed("utep", "2027-06-09T09:30:00-06:00", "2027-06-09T10:30:00-06:00", cohort);
        JsonNode confirmed = json(fixture.get("/meetings/" + meeting));
        HttpResponse<String> lateNight = fixture.draft("utep", "2027-06-09T23:00:00-06:00",
                "2027-06-09T23:45:00-06:00", cohort);

        assertThat(confirmed.get("zone").asString()).isEqualTo("America/Denver");
        assertThat(confirmed.get("startsAt").asString()).isEqualTo("2027-06-09T09:30:00-06:00");
        assertThat(json(fixture.get("/meetings?date=2027-06-09")).findValuesAsString("id")).contains(meeting.toString());
        assertThat(lateNight.statusCode()).as("still the convoy's last day in El Paso, though past midnight in Houston")
                .isEqualTo(201);
        assertThat(json(lateNight).get("conflicts").findValuesAsString("code")).containsExactly("HOST_UNAVAILABLE");
    }

    private static String strip(ObjectNode request) {
        ObjectNode copy = request.deepCopy();
        copy.remove("id");
        copy.remove("copyFrom");
        return copy.toString();
    }

    /** Texas in June 2027: Houston, then San Antonio, then Austin, all on Central time. */
    static ObjectNode texas(String id) {
        return (ObjectNode) JSON.readTree("""
                {"id": "%s", "names": {"es": "Texas %s", "en": "Texas %s"},
                 "startsOn": "2027-06-07", "endsOn": "2027-06-09",
                 "cities": [{"id": "HOUSTON", "name": "Houston", "zone": "America/Chicago"},
                            {"id": "SAN_ANTONIO", "name": "San Antonio", "zone": "America/Chicago"},
                            {"id": "AUSTIN", "name": "Austin", "zone": "America/Chicago"}],
                 "days": [{"date": "2027-06-07", "cities": ["HOUSTON"]},
                          {"date": "2027-06-08", "cities": ["HOUSTON", "SAN_ANTONIO"]},
                          {"date": "2027-06-09", "cities": ["AUSTIN"]}],
                 "travel": {"withinCityMinutes": 40, "betweenCitiesMinutes": 240,
                            "cityLegs": [{"from": "HOUSTON", "to": "SAN_ANTONIO", "minutes": 200}]},
                 "places": {"total": 100, "byRole": {"MAYOR": 40, "STATE_REPRESENTATIVE": 10,
                            "BUSINESS_DELEGATE": 20, "STAFF": 30}},
                 "registration": {"opensAt": "2027-01-04T09:00:00-06:00", "closesAt": "2027-05-21T23:59:00-05:00"},
                 "retainUntil": "2028-06-09"}""".formatted(id, id, id));
    }

    private static ArrayNode days(String city, String... dates) {
        ArrayNode days = JSON.createArrayNode();
        for (String date : dates) {
            days.add(JSON.readTree("{\"date\": \"" + date + "\", \"cities\": [\"" + city + "\"]}"));
        }
        return days;
    }

    private List<ConvoyPublished> published(String convoyId) {
        return events(convoyId, ConvoyPublished.class);
    }

    private <T extends ConvoyEvent> List<T> events(String convoyId, Class<T> type) {
        return convoyStream.recordsWithKey(convoyId).stream()
                .filter(record -> type.getSimpleName().equals(EventProbe.header(record, EventHeaders.EVENT_TYPE)))
                .map(ConsumerRecord::value).map(value -> CODEC.read(value, type)).toList();
    }

    private String base() {
        return "http://localhost:" + port + "/api/scheduling/convoys";
    }

    private static String suffix() {
        return UUID.randomUUID().toString().substring(0, 8);
    }
}
