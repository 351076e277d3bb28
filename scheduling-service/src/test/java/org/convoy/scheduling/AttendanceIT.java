package org.convoy.scheduling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.convoy.scheduling.SchedulingFixture.assertProblem;
import static org.convoy.scheduling.SchedulingFixture.json;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.convoy.events.AttendeeCheckedIn;
import org.convoy.events.EventCodec;
import org.convoy.events.EventHeaders;
import org.convoy.events.FeedbackGiven;
import org.convoy.events.Topics;
import org.convoy.scheduling.delegate.domain.ScheduledDelegateRepository;
import org.convoy.support.links.AttendeePasses;
import org.convoy.support.test.EventProbe;
import org.convoy.support.test.Http;
import org.convoy.support.test.MutableClock;
import org.convoy.support.test.ServiceIntegrationTest;
import org.convoy.support.test.TestEventPublisher;
import org.convoy.support.test.TestSecrets;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.core.env.Environment;

import tools.jackson.databind.JsonNode;

/**
 * Check-in at the venue with the pass on the delegate's page, attendance and no-shows for organizers, and the survey
 * after the meeting for those who came; on a clock the test moves.
 */
@ServiceIntegrationTest
@Import(MutableClock.Config.class)
class AttendanceIT {

    /** Tuesday 28 February 2023, 10:00 to 11:00 Pacific time, in Los Angeles. */
    private static final String STARTS = "2023-02-28T10:00:00-08:00";
    private static final String ENDS = "2023-02-28T11:00:00-08:00";
    private static final Instant BEFORE_IT_STARTS = Instant.parse("2023-02-28T17:50:00Z");
    private static final Instant AFTER_IT_ENDED = Instant.parse("2023-02-28T19:30:00Z");
    private static final EventCodec CODEC = new EventCodec();

    private static EventProbe meetingStream;

    @Autowired
    TestEventPublisher events;

    @Autowired
    ScheduledDelegateRepository delegates;

    @Autowired
    MutableClock clock;

    @Autowired
    Environment environment;

    @LocalServerPort
    int port;

    SchedulingFixture fixture;
    final AttendeePasses passes = new AttendeePasses(TestSecrets.LINK);

    @BeforeEach
    void setUp() {
        fixture = new SchedulingFixture(events, delegates, port);
        clock.set(MutableClock.BEFORE_CONVOY);
        if (meetingStream == null) {
            meetingStream = new EventProbe(environment.getRequiredProperty("spring.cloud.stream.kafka.binder.brokers"),
                    Topics.MEETINGS);
        }
    }

    @AfterAll
    static void closeProbe() {
        if (meetingStream != null) {
            meetingStream.close();
        }
    }

    @Test
    void theDesksScanOfTheAgendasPassOrItsTypedCodeChecksTheAttendeeInOnce() {
        UUID maria = fixture.approved("Maria", List.of("CINEMATOGRAPHY"), List.of());
        UUID juan = fixture.approved("Juan", List.of("CINEMATOGRAPHY"), List.of());
        fixture.awaitApproved(List.of(maria, juan));
        UUID meetingId = fixture.confirmed(fixture.host("LOS_ANGELES", 10), STARTS, ENDS, List.of(maria, juan));
        JsonNode pass = json(fixture.get("/delegates/" + maria + "/agenda")).get("days").get(1).get("meetings").get(0)
                .get("checkIn");
        assertThat(pass.get("token").asString()).isEqualTo(passes.checkIn(meetingId, maria));
        assertThat(pass.get("code").asString()).isEqualTo(passes.shortCode(meetingId, maria)).hasSize(9);
        assertThat(pass.get("qr").get("size").asInt()).isGreaterThan(20);
        assertThat(pass.get("qr").get("path").asString()).startsWith("M4 4h1v1h-1z");
        clock.set(BEFORE_IT_STARTS);

        HttpResponse<String> first = checkIn(meetingId, "token", pass.get("token").asString());
        HttpResponse<String> again = checkIn(meetingId, "token", pass.get("token").asString());
        HttpResponse<String> typed = checkIn(meetingId, "code",
                passes.shortCode(meetingId, juan).toLowerCase().replace("-", " "));

        assertThat(first.statusCode()).as(first.body()).isEqualTo(200);
        assertThat(json(first).get("name").asString()).isEqualTo("Maria Test");
        assertThat(json(first).get("municipality").asString()).isEqualTo("Zapopan");
        assertThat(json(first).get("checkedInAt").asString()).isEqualTo("2023-02-28T09:50:00-08:00");
        assertThat(json(first).get("meeting").get("zone").asString()).isEqualTo("America/Los_Angeles");
        assertThat(json(first).get("alreadyCheckedIn").asBoolean()).isFalse();
        assertThat(again.statusCode()).isEqualTo(200);
        assertThat(json(again).get("alreadyCheckedIn").asBoolean()).isTrue();
        assertThat(json(again).get("checkedInAt").asString()).isEqualTo("2023-02-28T09:50:00-08:00");
        assertThat(typed.statusCode()).as(typed.body()).isEqualTo(200);
        assertThat(json(typed).get("name").asString()).isEqualTo("Juan Test");
        await().atMost(Duration.ofSeconds(30)).until(() -> eventsOf(meetingId, AttendeeCheckedIn.class).size() == 2);
        assertThat(eventsOf(meetingId, AttendeeCheckedIn.class)).extracting(record -> CODEC.read(record.value(),
                AttendeeCheckedIn.class).delegateId()).containsExactlyInAnyOrder(maria, juan);
    }

    @Test
    void codesOfAnotherMeetingOrDayAndForgedOnesAreRefusedAndNothingIsStored() {
        UUID maria = fixture.approved("Maria", List.of("CINEMATOGRAPHY"), List.of());
        fixture.awaitApproved(List.of(maria));
        UUID today = fixture.confirmed(fixture.host("LOS_ANGELES", 10), STARTS, ENDS, List.of(maria));
        UUID friday = fixture.confirmed(fixture.host("SAN_FRANCISCO", 10), "2023-03-03T10:00:00-08:00",
                "2023-03-03T11:00:00-08:00", List.of(maria));
        clock.set(BEFORE_IT_STARTS);
        String forged = passes.checkIn(today, maria).replace(maria.toString(), UUID.randomUUID().toString());

        HttpResponse<String> otherMeeting = checkIn(today, "token", passes.checkIn(friday, maria));
        HttpResponse<String> otherMeetingsCode = checkIn(today, "code", passes.shortCode(friday, maria));
        HttpResponse<String> notItsDay = checkIn(friday, "token", passes.checkIn(friday, maria));

        assertProblem(otherMeeting, 409, null);
        assertThat(json(otherMeeting).get("detail").asString()).contains("another meeting", "2023-03-03 10:00",
                "America/Los_Angeles");
        assertProblem(otherMeetingsCode, 409, null);
        assertThat(json(otherMeetingsCode).get("detail").asString()).contains("another meeting");
        assertProblem(notItsDay, 409, null);
        assertThat(json(notItsDay).get("detail").asString()).contains("2023-03-03", "today is 2023-02-28");
        assertProblem(checkIn(today, "token", forged), 400, "token");
        assertProblem(checkIn(today, "token", new AttendeePasses("another-secret-of-thirty-two-characters!")
                .checkIn(today, maria)), 400, "token");
        assertProblem(checkIn(today, "code", "ZZZZ-ZZZZ"), 400, "code");
        assertProblem(checkIn(today, "code", "not a code"), 400, "code");
        assertProblem(Http.postJson(fixture.base() + "/meetings/" + today + "/check-ins", "{}",
                SchedulingFixture.TOKEN), 400, "token");
        assertThat(json(fixture.get("/meetings/" + today + "/attendance")).get("attendees").get(0).get("presence")
                .asString()).isEqualTo("EXPECTED");
        assertThat(json(fixture.get("/meetings/" + friday + "/attendance")).get("arrived").asInt()).isZero();
    }

    @Test
    void organizersSeeWhoArrivedExcuseAbsencesAndCountNoShowsOnceTheMeetingEnded() {
        UUID ana = fixture.approved("Ana", List.of("CINEMATOGRAPHY"), List.of());
        UUID beto = fixture.approved("Beto", List.of("CINEMATOGRAPHY"), List.of());
        UUID carla = fixture.approved("Carla", List.of("CINEMATOGRAPHY"), List.of());
        fixture.awaitApproved(List.of(ana, beto, carla));
        UUID meetingId = fixture.confirmed(fixture.host("LOS_ANGELES", 10), STARTS, ENDS, List.of(ana, beto, carla));
        clock.set(BEFORE_IT_STARTS);
        assertThat(checkIn(meetingId, "token", passes.checkIn(meetingId, ana)).statusCode()).isEqualTo(200);

        HttpResponse<String> excused = excuse(meetingId, beto, "{\"reason\": \"Vuelo retrasado\"}");
        JsonNode during = json(fixture.get("/meetings/" + meetingId + "/attendance"));

        assertThat(excused.statusCode()).as(excused.body()).isEqualTo(200);
        assertThat(json(excuse(meetingId, beto, "{\"reason\": \"Vuelo retrasado\"}")).get("excused").asInt()).isOne();
        assertThat(presences(during)).containsExactly("Ana Test ARRIVED", "Beto Test EXCUSED", "Carla Test EXPECTED");
        assertThat(during.get("ended").asBoolean()).isFalse();
        assertThat(noShowsOf(carla)).isZero();
        assertProblem(excuse(meetingId, ana, "{\"reason\": \"Llegó tarde\"}"), 409, null);
        assertProblem(excuse(meetingId, carla, "{\"reason\": \"\"}"), 400, "reason");

        clock.set(AFTER_IT_ENDED);
        JsonNode after = json(fixture.get("/meetings/" + meetingId + "/attendance"));

        assertThat(presences(after)).containsExactly("Ana Test ARRIVED", "Beto Test EXCUSED", "Carla Test NO_SHOW");
        assertThat(after.get("noShows").asInt()).isOne();
        assertThat(noShowsOf(carla)).isOne();
        assertThat(noShowsOf(ana) + noShowsOf(beto)).isZero();
    }

    @Test
    void onlyThoseWhoCameAnswerTheSurveyOnceEditableForAWeekAfterTheEnd() {
        UUID ana = fixture.approved("Ana", List.of("CINEMATOGRAPHY"), List.of());
        UUID beto = fixture.approved("Beto", List.of("CINEMATOGRAPHY"), List.of());
        fixture.awaitApproved(List.of(ana, beto));
        UUID meetingId = fixture.confirmed(fixture.host("LOS_ANGELES", 10), STARTS, ENDS, List.of(ana, beto));
        clock.set(BEFORE_IT_STARTS);
        assertThat(checkIn(meetingId, "token", passes.checkIn(meetingId, ana)).statusCode()).isEqualTo(200);
        String anasSurvey = passes.survey(meetingId, ana);

        assertProblem(answer(anasSurvey, "{\"rating\": 4, \"followUp\": true}"), 409, null);
        clock.set(AFTER_IT_ENDED);
        HttpResponse<String> first = answer(anasSurvey, "{\"rating\": 4, \"followUp\": true}");
        HttpResponse<String> changed = answer(anasSurvey,
                "{\"rating\": 5, \"followUp\": true, \"comment\": \"Muy útil\"}");
        HttpResponse<String> same = answer(anasSurvey, "{\"rating\": 5, \"followUp\": true, \"comment\": \"Muy útil\"}");

        assertThat(first.statusCode()).as(first.body()).isEqualTo(200);
        assertThat(json(first).get("revision").asInt()).isOne();
        assertThat(json(changed).get("revision").asInt()).isEqualTo(2);
        assertThat(json(same).get("revision").asInt()).isEqualTo(2);
        JsonNode read = json(Http.get(surveyUrl(anasSurvey)));
        assertThat(read.get("rating").asInt()).isEqualTo(5);
        assertThat(read.get("comment").asString()).isEqualTo("Muy útil");
        assertThat(read.get("editableUntil").asString()).isEqualTo("2023-03-07T11:00:00-08:00");
        assertProblem(answer(anasSurvey, "{\"rating\": 6, \"followUp\": true}"), 400, "rating");
        assertProblem(answer(anasSurvey, "{\"rating\": 3}"), 400, "followUp");
        assertProblem(answer(anasSurvey, "{\"rating\": 3, \"followUp\": false, \"comment\": \"%s\"}"
                .formatted("a".repeat(1001))), 400, "comment");
        assertProblem(answer(passes.survey(meetingId, beto), "{\"rating\": 1, \"followUp\": false}"), 403, null);
        assertProblem(answer(passes.checkIn(meetingId, ana), "{\"rating\": 1, \"followUp\": false}"), 401, null);
        assertProblem(answer(anasSurvey.substring(0, anasSurvey.length() - 2) + "xx",
                "{\"rating\": 1, \"followUp\": false}"), 401, null);

        clock.set(Instant.parse("2023-03-07T19:01:00Z"));
        assertProblem(answer(anasSurvey, "{\"rating\": 1, \"followUp\": false}"), 410, null);
        await().atMost(Duration.ofSeconds(30)).until(() -> eventsOf(meetingId, FeedbackGiven.class).size() == 2);
        assertThat(json(Http.get(surveyUrl(anasSurvey))).get("rating").asInt()).isEqualTo(5);
    }

    private HttpResponse<String> checkIn(UUID meetingId, String field, String value) {
        return Http.postJson(fixture.base() + "/meetings/" + meetingId + "/check-ins",
                "{\"%s\": \"%s\"}".formatted(field, value), SchedulingFixture.TOKEN);
    }

    private HttpResponse<String> excuse(UUID meetingId, UUID delegateId, String body) {
        return Http.postJson(fixture.base() + "/meetings/" + meetingId + "/attendance/" + delegateId + "/excuse", body,
                SchedulingFixture.TOKEN);
    }

    private String surveyUrl(String token) {
        return "http://localhost:" + port + "/api/scheduling/surveys/" + token;
    }

    private HttpResponse<String> answer(String token, String body) {
        return Http.send("PUT", surveyUrl(token), body, null);
    }

    private int noShowsOf(UUID delegateId) {
        for (JsonNode shows : json(fixture.get("/no-shows"))) {
            if (shows.get("delegateId").asString().equals(delegateId.toString())) {
                return shows.get("noShows").asInt();
            }
        }
        return 0;
    }

    private static List<String> presences(JsonNode attendance) {
        List<String> presences = new ArrayList<>();
        attendance.get("attendees").forEach(attendee -> presences.add(attendee.get("name").asString() + " "
                + attendee.get("presence").asString()));
        return presences;
    }

    private static List<ConsumerRecord<String, byte[]>> eventsOf(UUID meetingId, Class<?> type) {
        return meetingStream.recordsWithKey(meetingId.toString()).stream()
                .filter(record -> type.getSimpleName().equals(EventProbe.header(record, EventHeaders.EVENT_TYPE)))
                .toList();
    }
}
