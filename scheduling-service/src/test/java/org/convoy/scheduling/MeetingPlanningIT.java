package org.convoy.scheduling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.convoy.scheduling.SchedulingFixture.conflictCodes;
import static org.convoy.scheduling.SchedulingFixture.json;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.convoy.events.ConvoyEvent;
import org.convoy.events.DelegateErased;
import org.convoy.events.DelegateWithdrawn;
import org.convoy.events.EventCodec;
import org.convoy.events.EventHeaders;
import org.convoy.events.MeetingCancelled;
import org.convoy.events.MeetingConfirmed;
import org.convoy.events.MeetingRescheduled;
import org.convoy.events.Topics;
import org.convoy.scheduling.delegate.domain.ScheduledDelegateRepository;
import org.convoy.scheduling.meeting.ScheduleStore;
import org.convoy.scheduling.meeting.domain.ScheduleHead;
import org.convoy.scheduling.meeting.domain.StoredMeeting;
import org.convoy.support.test.EventProbe;
import org.convoy.support.test.Http;
import org.convoy.support.test.TestTokens;
import org.convoy.support.test.MutableClock;
import org.convoy.support.test.ServiceIntegrationTest;
import org.convoy.support.test.TestEventPublisher;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.core.env.Environment;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

import tools.jackson.databind.JsonNode;

/** Organizers plan, confirm, move and cancel meetings over HTTP; attendees' changes arrive as events on Kafka. */
@ServiceIntegrationTest
@Import(MutableClock.Config.class)
class MeetingPlanningIT {

    static final String TOKEN = TestTokens.organizer();

    private static EventProbe meetingStream;
    private static final EventCodec CODEC = new EventCodec();

    @Autowired
    TestEventPublisher events;

    @Autowired
    ScheduledDelegateRepository delegates;

    @Autowired
    ScheduleStore store;

    @Autowired
    MongoOperations mongo;

    @Autowired
    MutableClock clock;

    @Autowired
    Environment environment;

    @LocalServerPort
    int port;

    SchedulingFixture fixture;

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
            meetingStream = null;
        }
    }

    @Test
    void confirmingADraftAnnouncesTheMeetingWithVenueTimesInItsZoneAndSequenceZero() {
        List<UUID> cohort = fixture.approvedCohort(2, List.of("CINEMATOGRAPHY"), List.of("CREATIVE_INDUSTRIES"));
        UUID meetingId = fixture.drafted("disney", "2023-02-28T10:00:00-08:00", "2023-02-28T11:00:00-08:00", cohort);

        HttpResponse<String> confirmed = fixture.confirm(meetingId);

        assertThat(confirmed.statusCode()).as(confirmed.body()).isEqualTo(200);
        JsonNode view = json(confirmed);
        assertThat(view.get("status").asString()).isEqualTo("CONFIRMED");
        assertThat(view.get("startsAt").asString()).isEqualTo("2023-02-28T10:00:00-08:00");
        assertThat(view.get("zone").asString()).isEqualTo("America/Los_Angeles");
        assertThat(view.get("attendees").get(0).get("name").asString()).startsWith("Delegate");
        MeetingConfirmed event = awaitEvent(meetingId, MeetingConfirmed.class);
        assertThat(event.sequence()).isZero();
        assertThat(event.convoyId()).isEqualTo(SchedulingFixture.CONVOY);
        assertThat(event.details().hostName()).isEqualTo("The Walt Disney Company");
        assertThat(event.details().address()).isEqualTo("500 S Buena Vista St, Burbank, CA 91521");
        assertThat(event.details().city()).isEqualTo("Los Angeles");
        assertThat(event.details().startsAt()).isEqualTo(Instant.parse("2023-02-28T18:00:00Z"));
        assertThat(event.details().zone()).isEqualTo("America/Los_Angeles");
        assertThat(event.details().attendeeIds()).containsExactlyElementsOf(cohort);

        assertThat(fixture.confirm(meetingId).statusCode()).as("confirming again changes nothing").isEqualTo(200);
    }

    /**
     * A process that stopped between saving a commit in the schedule's head and writing its meetings to their own
     * documents: the next change of the convoy finishes that commit before it reads, so the rules see the meeting
     * (here the cohort's confirmed meeting makes an overlapping one a double booking), and so does the next start.
     */
    @Test
    void aCommitLeftHalfDoneIsFinishedBeforeTheNextChangeReads() {
        List<UUID> cohort = fixture.approvedCohort(1, List.of("CINEMATOGRAPHY"), List.of());
        UUID confirmedFirst = fixture.confirmed(fixture.host("LOS_ANGELES", 10), "2023-02-27T15:00:00-08:00",
                "2023-02-27T16:00:00-08:00", cohort);
        StoredMeeting stored = store.stored(SchedulingFixture.CONVOY, confirmedFirst).orElseThrow();
        leftHalfDone(stored);
        assertThat(fixture.get("/meetings/" + confirmedFirst).statusCode()).as("not written yet").isEqualTo(404);

        UUID overlapping = fixture.drafted(fixture.host("LOS_ANGELES", 10), "2023-02-27T15:30:00-08:00",
                "2023-02-27T16:30:00-08:00", cohort);

        assertThat(conflictCodes(fixture.confirm(overlapping))).containsExactly("DELEGATE_DOUBLE_BOOKED");
        assertThat(json(fixture.get("/meetings/" + confirmedFirst)).get("status").asString()).isEqualTo("CONFIRMED");
        assertThat(mongo.findById(SchedulingFixture.CONVOY, ScheduleHead.class).pending()).isEmpty();

        leftHalfDone(stored);
        store.afterSingletonsInstantiated();
        assertThat(store.meeting(SchedulingFixture.CONVOY, confirmedFirst)).as("finished at start-up").isPresent();
    }

    /** The meeting's commit is in the schedule's head, and its own document not written yet. */
    private void leftHalfDone(StoredMeeting stored) {
        mongo.remove(Query.query(Criteria.where("_id").is(stored.id())), StoredMeeting.class);
        mongo.updateFirst(Query.query(Criteria.where("_id").is(SchedulingFixture.CONVOY)),
                new Update().set("pending", List.of(stored)), ScheduleHead.class);
    }

    @Test
    void refusesADelegateWhoIsAlreadyInAnotherMeetingThen() {
        List<UUID> cohort = fixture.approvedCohort(2, List.of("CINEMATOGRAPHY"), List.of());
        String first = fixture.host("LOS_ANGELES", 10);
        String second = fixture.host("LOS_ANGELES", 10);
        fixture.confirmed(first, "2023-02-27T10:00:00-08:00", "2023-02-27T11:00:00-08:00", cohort.subList(0, 1));
        UUID overlapping = fixture.drafted(second, "2023-02-27T10:30:00-08:00", "2023-02-27T11:30:00-08:00", cohort);

        HttpResponse<String> refused = fixture.confirm(overlapping);

        assertThat(conflictCodes(refused)).containsExactly("DELEGATE_DOUBLE_BOOKED");
        JsonNode conflict = json(refused).get("conflicts").get(0);
        assertThat(conflict.get("delegateId").asString()).isEqualTo(cohort.get(0).toString());
        assertThat(json(fixture.get("/meetings/" + overlapping)).get("status").asString()).isEqualTo("DRAFT");
    }

    @Test
    void refusesAMeetingThatLeavesNoTimeToTravelBetweenCities() {
        List<UUID> cohort = fixture.approvedCohort(1, List.of("CINEMATOGRAPHY"), List.of());
        fixture.confirmed("disney", "2023-03-01T09:00:00-08:00", "2023-03-01T10:00:00-08:00", cohort);
        UUID losGatos = fixture.drafted("netflix", "2023-03-01T15:00:00-08:00", "2023-03-01T16:00:00-08:00", cohort);

        HttpResponse<String> refused = fixture.confirm(losGatos);

        assertThat(conflictCodes(refused)).containsExactly("TRAVEL_TIME_TOO_SHORT");
        assertThat(json(refused).get("conflicts").get(0).get("message").asString())
                .contains("needs 330 min", "Walt Disney Studios (Los Angeles)", "Netflix headquarters (San José)",
                        "has 300 min");
    }

    @Test
    void refusesAMeetingBeforeAnotherWhenTheNextVenueCannotBeReachedInTime() {
        List<UUID> cohort = fixture.approvedCohort(1, List.of("CINEMATOGRAPHY"), List.of());
        String later = fixture.host("LOS_ANGELES", 10);
        String earlier = fixture.host("LOS_ANGELES", 10);
        fixture.confirmed(later, "2023-02-27T11:00:00-08:00", "2023-02-27T12:00:00-08:00", cohort);
        UUID tooClose = fixture.drafted(earlier, "2023-02-27T10:00:00-08:00", "2023-02-27T10:30:00-08:00", cohort);
        UUID justInTime = fixture.drafted(earlier, "2023-02-27T09:00:00-08:00", "2023-02-27T10:15:00-08:00", cohort);

        assertThat(conflictCodes(fixture.confirm(tooClose))).containsExactly("TRAVEL_TIME_TOO_SHORT");
        assertThat(fixture.confirm(justInTime).statusCode()).as("45 min in Los Angeles is enough").isEqualTo(200);
    }

    @Test
    void refusesAHostOutsideItsAvailability() {
        List<UUID> cohort = fixture.approvedCohort(1, List.of("CINEMATOGRAPHY"), List.of());
        UUID evening = fixture.drafted("disney", "2023-02-28T18:30:00-08:00", "2023-02-28T19:30:00-08:00", cohort);

        assertThat(conflictCodes(fixture.confirm(evening))).containsExactly("HOST_UNAVAILABLE");
    }

    @Test
    void refusesAHostThatAlreadyReceivesAnotherDelegationThen() {
        List<UUID> cohort = fixture.approvedCohort(2, List.of("CINEMATOGRAPHY"), List.of());
        String host = fixture.host("LOS_ANGELES", 10);
        fixture.confirmed(host, "2023-02-28T14:00:00-08:00", "2023-02-28T15:00:00-08:00", cohort.subList(0, 1));
        UUID second = fixture.drafted(host, "2023-02-28T14:30:00-08:00", "2023-02-28T15:30:00-08:00",
                cohort.subList(1, 2));

        assertThat(conflictCodes(fixture.confirm(second))).containsExactly("HOST_BUSY");
    }

    @Test
    void refusesACohortLargerThanTheRoom() {
        List<UUID> cohort = fixture.approvedCohort(3, List.of("CINEMATOGRAPHY"), List.of());
        String smallRoom = fixture.host("LOS_ANGELES", 2);
        UUID meeting = fixture.drafted(smallRoom, "2023-02-28T09:00:00-08:00", "2023-02-28T10:00:00-08:00", cohort);

        assertThat(conflictCodes(fixture.confirm(meeting))).containsExactly("ROOM_OVER_CAPACITY");
    }

    @Test
    void refusesADelegateWhoIsNotApproved() {
        List<UUID> cohort = new ArrayList<>(fixture.approvedCohort(1, List.of("CINEMATOGRAPHY"), List.of()));
        UUID waiting = fixture.registered("Pending", List.of("CINEMATOGRAPHY"), List.of());
        await().atMost(Duration.ofSeconds(30)).until(() -> delegates.existsById(waiting));
        cohort.add(waiting);
        UUID meeting = fixture.drafted(fixture.host("LOS_ANGELES", 10), "2023-02-27T15:00:00-08:00",
                "2023-02-27T16:00:00-08:00", cohort);

        HttpResponse<String> refused = fixture.confirm(meeting);

        assertThat(conflictCodes(refused)).containsExactly("DELEGATE_NOT_APPROVED");
        assertThat(json(refused).get("conflicts").get(0).get("delegateId").asString()).isEqualTo(waiting.toString());
    }

    @Test
    void refusesAVenueInACityTheConvoyIsNotInThatDay() {
        List<UUID> cohort = fixture.approvedCohort(1, List.of("CINEMATOGRAPHY"), List.of());
        UUID inSanJose = fixture.drafted(fixture.host("SAN_JOSE", 10), "2023-02-27T10:00:00-08:00",
                "2023-02-27T11:00:00-08:00", cohort);

        HttpResponse<String> refused = fixture.confirm(inSanJose);

        assertThat(conflictCodes(refused)).containsExactly("VENUE_NOT_IN_DAYS_CITY");
        assertThat(json(refused).get("conflicts").get(0).get("message").asString())
                .contains("is in San José, but that day the convoy is in Los Angeles");
    }

    @Test
    void aDraftShowsWhatWouldStopItBeforeAnyoneTriesToConfirm() {
        List<UUID> cohort = fixture.approvedCohort(1, List.of("CINEMATOGRAPHY"), List.of());
        UUID draft = fixture.drafted("disney", "2023-02-28T19:00:00-08:00", "2023-02-28T20:00:00-08:00", cohort);

        JsonNode view = json(fixture.get("/meetings/" + draft));

        assertThat(view.get("conflicts").get(0).get("code").asString()).isEqualTo("HOST_UNAVAILABLE");
    }

    @Test
    void ofConflictingConfirmationsAtTheSameMomentExactlyOneSucceeds() throws Exception {
        List<UUID> cohort = fixture.approvedCohort(1, List.of("CINEMATOGRAPHY"), List.of());
        List<UUID> drafts = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            drafts.add(fixture.drafted(fixture.host("LOS_ANGELES", 10), "2023-02-27T16:00:00-08:00",
                    "2023-02-27T17:00:00-08:00", cohort));
        }
        CountDownLatch start = new CountDownLatch(1);
        List<Callable<Integer>> confirmations = drafts.stream().<Callable<Integer>>map(id -> () -> {
            start.await();
            return fixture.confirm(id).statusCode();
        }).toList();
        List<Integer> statuses = new ArrayList<>();
        ExecutorService pool = Executors.newFixedThreadPool(drafts.size());
        try {
            List<Future<Integer>> answers = confirmations.stream().map(pool::submit).toList();
            start.countDown();
            for (Future<Integer> answer : answers) {
                statuses.add(answer.get());
            }
        } finally {
            pool.shutdown();
        }

        assertThat(statuses).filteredOn(status -> status == 200).hasSize(1);
        assertThat(statuses).filteredOn(status -> status == 409).hasSize(7);
        long confirmed = store.confirmed(SchedulingFixture.CONVOY).stream()
                .filter(stored -> drafts.contains(stored.id())).count();
        assertThat(confirmed).isEqualTo(1);
    }

    @Test
    void movingAndCancellingAConfirmedMeetingRaiseTheSequenceAndAnnounceEachChange() {
        List<UUID> cohort = fixture.approvedCohort(2, List.of("CINEMATOGRAPHY"), List.of());
        String host = fixture.host("LOS_ANGELES", 10);
        UUID meetingId = fixture.confirmed(host, "2023-02-27T13:00:00-08:00", "2023-02-27T14:00:00-08:00", cohort);

        HttpResponse<String> moved = fixture.put("/meetings/" + meetingId,
                SchedulingFixture.meeting(host, "2023-02-27T14:00:00-08:00", "2023-02-27T15:00:00-08:00", cohort));
        assertThat(moved.statusCode()).as(moved.body()).isEqualTo(200);
        assertThat(json(moved).get("sequence").asInt()).isEqualTo(1);
        MeetingRescheduled rescheduled = awaitEvent(meetingId, MeetingRescheduled.class);
        assertThat(rescheduled.sequence()).isEqualTo(1);
        assertThat(rescheduled.details().startsAt()).isEqualTo(Instant.parse("2023-02-27T22:00:00Z"));

        HttpResponse<String> cancelled = Http.postJson(fixture.base() + "/meetings/" + meetingId + "/cancellation",
                "{\"reason\": \"The host had to postpone\"}", TOKEN);
        assertThat(cancelled.statusCode()).as(cancelled.body()).isEqualTo(200);
        MeetingCancelled cancellation = awaitEvent(meetingId, MeetingCancelled.class);
        assertThat(cancellation.sequence()).isEqualTo(2);
        assertThat(cancellation.reason()).isEqualTo("The host had to postpone");
        assertThat(cancellation.attendeeIds()).containsExactlyElementsOf(cohort);

        assertThat(fixture.confirm(meetingId).statusCode()).as("a cancelled meeting stays cancelled").isEqualTo(409);
        assertThat(fixture.delete("/meetings/" + meetingId).statusCode()).isEqualTo(409);
    }

    @Test
    void draftsAreDiscardedNotCancelled() {
        List<UUID> cohort = fixture.approvedCohort(1, List.of("CINEMATOGRAPHY"), List.of());
        UUID draft = fixture.drafted(fixture.host("LOS_ANGELES", 10), "2023-02-27T09:00:00-08:00",
                "2023-02-27T10:00:00-08:00", cohort);

        assertThat(Http.postJson(fixture.base() + "/meetings/" + draft + "/cancellation", "{\"reason\": \"x\"}", TOKEN)
                .statusCode()).isEqualTo(409);
        assertThat(fixture.delete("/meetings/" + draft).statusCode()).isEqualTo(204);
        assertThat(fixture.get("/meetings/" + draft).statusCode()).isEqualTo(404);
    }

    @Test
    void aWithdrawnDelegateLeavesUpcomingMeetingsAndAMeetingLeftEmptyIsCancelled() {
        List<UUID> cohort = fixture.approvedCohort(2, List.of("CINEMATOGRAPHY"), List.of());
        UUID shared = fixture.confirmed(fixture.host("LOS_ANGELES", 10), "2023-02-28T09:00:00-08:00",
                "2023-02-28T10:00:00-08:00", cohort);
        UUID alone = fixture.confirmed(fixture.host("LOS_ANGELES", 10), "2023-02-28T11:00:00-08:00",
                "2023-02-28T12:00:00-08:00", cohort.subList(0, 1));
        UUID past = fixture.confirmed(fixture.host("LOS_ANGELES", 10), "2023-02-27T09:00:00-08:00",
                "2023-02-27T10:00:00-08:00", cohort.subList(0, 1));
        clock.set(Instant.parse("2023-02-27T23:00:00Z"));

        events.publish(new DelegateWithdrawn(UUID.randomUUID(), Instant.now(), 1, cohort.get(0),
                SchedulingFixture.CONVOY));

        MeetingRescheduled smaller = awaitEvent(shared, MeetingRescheduled.class);
        assertThat(smaller.details().attendeeIds()).containsExactly(cohort.get(1));
        assertThat(smaller.sequence()).isEqualTo(1);
        MeetingCancelled empty = awaitEvent(alone, MeetingCancelled.class);
        assertThat(empty.attendeeIds()).containsExactly(cohort.get(0));
        assertThat(json(fixture.get("/meetings/" + past)).get("attendees")).hasSize(1);
        assertThat(eventsOf(past)).as("a meeting already held is history").hasSize(1);
    }

    @Test
    void anErasedDelegateDisappearsFromEveryMeeting() {
        List<UUID> cohort = fixture.approvedCohort(2, List.of("CINEMATOGRAPHY"), List.of());
        UUID past = fixture.confirmed(fixture.host("LOS_ANGELES", 10), "2023-02-27T09:00:00-08:00",
                "2023-02-27T10:00:00-08:00", cohort);
        clock.set(Instant.parse("2023-03-10T00:00:00Z"));

        events.publish(new DelegateErased(UUID.randomUUID(), Instant.now(), 1, cohort.get(0), SchedulingFixture.CONVOY));

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(
                store.meeting(SchedulingFixture.CONVOY, past).orElseThrow().attendeeIds())
                .containsExactly(cohort.get(1)));
    }

    private List<ConsumerRecord<String, byte[]>> eventsOf(UUID meetingId) {
        return meetingStream.recordsWithKey(meetingId.toString());
    }

    private <T extends ConvoyEvent> T awaitEvent(UUID meetingId, Class<T> type) {
        String name = type.getSimpleName();
        await().atMost(Duration.ofSeconds(30)).until(() -> eventsOf(meetingId).stream()
                .anyMatch(record -> name.equals(EventProbe.header(record, EventHeaders.EVENT_TYPE))));
        ConsumerRecord<String, byte[]> record = eventsOf(meetingId).stream()
                .filter(candidate -> name.equals(EventProbe.header(candidate, EventHeaders.EVENT_TYPE)))
                .reduce((first, second) -> second).orElseThrow();
        return CODEC.read(record.value(), type);
    }
}
