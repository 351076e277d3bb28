package org.convoy.scheduling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.convoy.scheduling.SchedulingFixture.assertProblem;
import static org.convoy.scheduling.SchedulingFixture.json;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.UUID;

import org.convoy.scheduling.delegate.domain.ScheduledDelegateRepository;
import org.convoy.scheduling.meeting.ScheduleStore;
import org.convoy.support.test.Http;
import org.convoy.support.test.TestTokens;
import org.convoy.support.test.TokenChecks;
import org.convoy.support.test.MutableClock;
import org.convoy.support.test.ServiceIntegrationTest;
import org.convoy.support.test.TestEventPublisher;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;

/** Bad plans and bad host descriptions are refused with problem+json naming the field, and nothing is saved. */
@ServiceIntegrationTest
@Import(MutableClock.Config.class)
class PlanningInputIT {

    static final String TOKEN = TestTokens.organizer();

    @Autowired
    TestEventPublisher events;

    @Autowired
    ScheduledDelegateRepository delegates;

    @Autowired
    ScheduleStore store;

    @LocalServerPort
    int port;

    SchedulingFixture fixture;
    List<UUID> cohort;

    @BeforeEach
    void setUp() {
        fixture = new SchedulingFixture(events, delegates, port);
        cohort = fixture.approvedCohort(1, List.of("FINTECH"), List.of("ECONOMIC"));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "ends before it starts | disney | 2023-02-28T11:00:00-08:00 | 2023-02-28T10:00:00-08:00 | endsAt",
            "longer than a working day | disney | 2023-02-28T08:00:00-08:00 | 2023-02-28T17:00:00-08:00 | endsAt",
            "before the convoy | disney | 2023-02-20T10:00:00-08:00 | 2023-02-20T11:00:00-08:00 | startsAt",
            "after the convoy | disney | 2023-03-04T10:00:00-08:00 | 2023-03-04T11:00:00-08:00 | startsAt",
            "over midnight | disney | 2023-02-27T23:30:00-08:00 | 2023-02-28T00:30:00-08:00 | startsAt",
            "unknown host | no-such-host | 2023-02-28T10:00:00-08:00 | 2023-02-28T11:00:00-08:00 | hostId" })
    void refusesAPlanThatCannotBeAMeeting(String why, String host, String startsAt, String endsAt, String field) {
        int before = meetingCount();

        HttpResponse<String> refused = fixture.draft(host, startsAt, endsAt, cohort);

        assertProblem(refused, 400, field);
        assertThat(meetingCount()).as("nothing half-saved").isEqualTo(before);
    }

    @Test
    void refusesUnknownAndRepeatedDelegates() {
        UUID stranger = UUID.randomUUID();

        HttpResponse<String> unknown = fixture.draft("disney", "2023-02-28T10:00:00-08:00", "2023-02-28T11:00:00-08:00",
                List.of(cohort.get(0), stranger));
        HttpResponse<String> twice = fixture.draft("disney", "2023-02-28T10:00:00-08:00", "2023-02-28T11:00:00-08:00",
                List.of(cohort.get(0), cohort.get(0)));

        assertProblem(unknown, 400, "attendeeIds");
        assertThat(json(unknown).get("errors").get(0).get("message").asString()).contains(stranger.toString());
        assertProblem(twice, 400, "attendeeIds");
    }

    @Test
    void refusesUnknownFieldsWrongTypesAndMalformedJson() {
        String valid = SchedulingFixture.meeting("disney", "2023-02-28T10:00:00-08:00", "2023-02-28T11:00:00-08:00",
                cohort);
        String withStatus = valid.replace("{\"hostId\"", "{\"status\": \"CONFIRMED\", \"hostId\"");
        String withSequence = valid.replace("{\"hostId\"", "{\"sequence\": 7, \"hostId\"");

        assertProblem(Http.postJson(fixture.base() + "/meetings", withStatus, TOKEN), 400, "status");
        assertProblem(Http.postJson(fixture.base() + "/meetings", withSequence, TOKEN), 400, "sequence");
        assertProblem(Http.postJson(fixture.base() + "/meetings", valid.replace("\"CREATIVE_INDUSTRIES\"", "\"PARTY\""), TOKEN),
                400, "axis");
        assertProblem(Http.postJson(fixture.base() + "/meetings",
                valid.replace("2023-02-28T10:00:00-08:00", "tomorrow morning"), TOKEN), 400, "startsAt");
        HttpResponse<String> malformed = Http.postJson(fixture.base() + "/meetings", "{\"hostId\": ", TOKEN);
        assertThat(malformed.statusCode()).isEqualTo(400);
        assertThat(malformed.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        assertProblem(Http.postJson(fixture.base() + "/meetings", "{\"hostId\": \"disney\"}", TOKEN), 400, "attendeeIds");

        assertProblem(Http.postJson(fixture.base() + "/meetings", valid.replace("Filming in Jalisco",
                "Visit \\u202egnp.exe"), TOKEN), 400, "title");
    }

    @Test
    void unknownConvoysAndMeetingsAre404() {
        String otherConvoy = fixture.base().replace("california-2023", "atlantis-2031");

        assertProblem(Http.get(otherConvoy + "/meetings", TOKEN), 404, null);
        assertProblem(Http.postJson(otherConvoy + "/meetings", SchedulingFixture.meeting("disney",
                "2023-02-28T10:00:00-08:00", "2023-02-28T11:00:00-08:00", cohort), TOKEN), 404, null);
        assertProblem(fixture.get("/meetings/" + UUID.randomUUID()), 404, null);
        assertProblem(fixture.confirm(UUID.randomUUID()), 404, null);
        assertProblem(fixture.get("/meetings/not-a-uuid"), 400, null);
        assertProblem(fixture.get("/hosts/no-such-host"), 404, null);
    }

    @Test
    void hostsAreAddedChangedAndRemovedByOrganizers() {
        String hostId = "t-" + UUID.randomUUID().toString().substring(0, 8);
        String host = SchedulingFixture.hostJson(hostId, "SAN_FRANCISCO", 12, "1 Market St, San Francisco, CA 94105");

        HttpResponse<String> added = Http.postJson(fixture.base() + "/hosts", host, TOKEN);
        assertThat(added.statusCode()).as(added.body()).isEqualTo(201);
        assertThat(added.headers().firstValue("Location")).hasValue(
                "/api/scheduling/convoys/california-2023/hosts/" + hostId);
        assertThat(json(added).get("availability").get(0).get("startsAt").asString())
                .isEqualTo("2023-02-27T08:00:00-08:00");
        assertThat(json(added).get("cityName").asString()).isEqualTo("San Francisco");
        assertProblem(Http.postJson(fixture.base() + "/hosts", host, TOKEN), 409, null);

        HttpResponse<String> changed = fixture.put("/hosts/" + hostId, host.replace("\"roomCapacity\": 12",
                "\"roomCapacity\": 40").replace("\"hostId\": \"" + hostId + "\", ", ""));
        assertThat(changed.statusCode()).as(changed.body()).isEqualTo(200);
        assertThat(json(fixture.get("/hosts/" + hostId)).get("venue").get("roomCapacity").asInt()).isEqualTo(40);
        assertProblem(fixture.put("/hosts/" + hostId, host.replace(hostId, "another-id")), 400, "hostId");

        assertThat(fixture.delete("/hosts/" + hostId).statusCode()).isEqualTo(204);
        assertProblem(fixture.get("/hosts/" + hostId), 404, null);
    }

    @Test
    void aHostWithMeetingsCannotBeRemoved() {
        String hostId = fixture.host("LOS_ANGELES", 10);
        fixture.drafted(hostId, "2023-02-27T12:00:00-08:00", "2023-02-27T13:00:00-08:00", cohort);

        assertProblem(fixture.delete("/hosts/" + hostId), 409, null);
        assertThat(fixture.get("/hosts/" + hostId).statusCode()).isEqualTo(200);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "a city the convoy does not visit | \"city\": \"LOS_ANGELES\" | \"city\": \"SACRAMENTO\" | venue.city",
            "no room | \"roomCapacity\": 10 | \"roomCapacity\": 0 | venue.roomCapacity",
            "a window ending before it starts | T20:00:00-08:00\"}] | T07:00:00-08:00\"}] | availability[4].endsAt",
            "a window outside the convoy | 2023-03-03T20:00:00-08:00 | 2023-03-09T20:00:00-08:00 | availability[4]",
            "an id with spaces | \"hostId\": \"t- | \"hostId\": \"t x | hostId" })
    void refusesAHostDescriptionThatCannotBeRight(String why, String from, String to, String field) {
        String hostId = "t-" + UUID.randomUUID().toString().substring(0, 8);
        String host = SchedulingFixture.hostJson(hostId, "LOS_ANGELES", 10, "Somewhere 1, Los Angeles");
        assertThat(host).contains(from);

        HttpResponse<String> refused = Http.postJson(fixture.base() + "/hosts", host.replace(from, to), TOKEN);

        assertProblem(refused, 400, field);
        assertThat(fixture.get("/hosts/" + hostId).statusCode()).as("nothing saved").isEqualTo(404);
    }

    @Test
    void refusesOverlappingAvailabilityWindows() {
        String hostId = "t-" + UUID.randomUUID().toString().substring(0, 8);
        String host = SchedulingFixture.hostJson(hostId, "LOS_ANGELES", 10, "Somewhere 1, Los Angeles")
                .replace("\"startsAt\": \"2023-02-28T08:00:00-08:00\", \"endsAt\": \"2023-02-28T20:00:00-08:00\"",
                        "\"startsAt\": \"2023-02-27T09:00:00-08:00\", \"endsAt\": \"2023-02-27T10:00:00-08:00\"");
        assertThat(host).contains("2023-02-27T10:00:00-08:00");

        HttpResponse<String> refused = Http.postJson(fixture.base() + "/hosts", host, TOKEN);

        assertProblem(refused, 400, "availability[1]");
        assertThat(json(refused).get("errors").get(0).get("message").asString()).contains("overlaps");
    }

    @Test
    void planningIsForOrganizersOnlyEvenWhenCalledDirectly() {
        TokenChecks.assertOrganizersOnly(fixture.base() + "/meetings");
        TokenChecks.assertOrganizersOnly(fixture.base() + "/hosts");
    }

    @Test
    void theApiIsDescribedForClientsAsOpenApi() {
        HttpResponse<String> response = Http.get("http://localhost:" + port + "/api/scheduling/openapi.json");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(json(response).get("paths").propertyNames()).contains(
                "/api/scheduling/convoys/{convoyId}/meetings/{meetingId}/confirmation",
                "/api/scheduling/convoys/{convoyId}/days/{date}/draft-agenda",
                "/api/scheduling/convoys/{convoyId}/delegates/{delegateId}/agenda.ics");
    }

    private int meetingCount() {
        return store.ofConvoy(SchedulingFixture.CONVOY).size();
    }
}
