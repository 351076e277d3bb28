package org.convoy.scheduling.meeting;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.bson.Document;
import org.convoy.events.Axis;
import org.convoy.events.Sector;
import org.convoy.scheduling.meeting.domain.Meeting;
import org.convoy.scheduling.meeting.domain.MeetingPlan;
import org.convoy.scheduling.meeting.domain.Schedule;
import org.convoy.scheduling.meeting.domain.ScheduleHead;
import org.convoy.scheduling.meeting.domain.StoredMeeting;
import org.convoy.support.test.MongoWireStore;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.data.mongodb.test.autoconfigure.DataMongoTest;
import org.springframework.context.annotation.Import;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.test.context.ContextConfiguration;

/**
 * How meetings stored by earlier versions reach today's shape, on the MongoDB-wire store: a schedule that held every
 * meeting in one list (in either of its two meeting shapes) becomes one document per meeting, with nothing lost and
 * its pending events kept, and upgrading again changes nothing.
 */
@DataMongoTest
@ContextConfiguration(initializers = MongoWireStore.class)
@Import(MeetingShapeUpgrade.class)
class StoredSchedulesTest {

    private static final Instant NOW = Instant.parse("2023-02-20T18:00:00Z");

    @Autowired
    MongoOperations mongo;

    @Autowired
    MeetingShapeUpgrade upgrade;

    @Test
    void aScheduleOfTheEarliestShapeBecomesOneDocumentPerMeetingWithItsPlan() {
        String convoyId = "shape-" + UUID.randomUUID();
        List<Meeting> planned = twoDrafts(convoyId);
        storeAsOneList(convoyId, planned, true);

        assertThat(upgrade.upgrade()).isEqualTo(1);
        upgrade.split();

        assertMovedToTheirOwnDocuments(convoyId, planned);
    }

    @Test
    void aScheduleThatHeldItsMeetingsInOneListBecomesOneDocumentPerMeetingOnceOnly() {
        String convoyId = "list-" + UUID.randomUUID();
        List<Meeting> planned = twoDrafts(convoyId);
        storeAsOneList(convoyId, planned, false);

        assertThat(upgrade.upgrade()).as("the plan shape needs no rewriting").isZero();
        assertThat(upgrade.split()).isEqualTo(2);

        assertMovedToTheirOwnDocuments(convoyId, planned);
        assertThat(upgrade.split()).as("nothing left to move").isZero();
        assertThat(mongo.find(Query.query(Criteria.where("convoyId").is(convoyId)), StoredMeeting.class)).hasSize(2);
    }

    private void assertMovedToTheirOwnDocuments(String convoyId, List<Meeting> planned) {
        List<StoredMeeting> stored = mongo.find(Query.query(Criteria.where("convoyId").is(convoyId)),
                StoredMeeting.class);
        assertThat(stored).extracting(StoredMeeting::meeting).containsExactlyInAnyOrderElementsOf(planned);
        assertThat(stored).extracting(StoredMeeting::revision).containsOnly(1L);
        assertThat(stored).extracting(StoredMeeting::day)
                .containsExactlyInAnyOrder(LocalDate.parse("2023-02-28"), LocalDate.parse("2023-03-01"));
        Document head = raw(convoyId);
        assertThat(head).doesNotContainKey("meetings");
        assertThat(head.getList("outbox", Document.class)).as("pending events stay").hasSize(1);
        assertThat(mongo.findById(convoyId, ScheduleHead.class).pendingEvents()).hasSize(1);
    }

    private static List<Meeting> twoDrafts(String convoyId) {
        Schedule schedule = Schedule.empty(convoyId);
        schedule.draft(UUID.randomUUID(), plan("disney", "2023-02-28T18:00:00Z", List.of(UUID.randomUUID())), NOW);
        schedule.draft(UUID.randomUUID(), plan("netflix", "2023-03-01T22:00:00Z",
                List.of(UUID.randomUUID(), UUID.randomUUID())), NOW);
        return schedule.meetings();
    }

    /** Writes the schedule as earlier versions did: every meeting in one list, optionally with the plan flattened. */
    private void storeAsOneList(String convoyId, List<Meeting> meetings, boolean planFlattened) {
        List<Document> list = meetings.stream().map(meeting -> {
            Document written = new Document();
            mongo.getConverter().write(meeting, written);
            written.remove("_class");
            if (planFlattened) {
                Document plan = (Document) written.remove("plan");
                written.putAll(plan);
            }
            return written;
        }).toList();
        Document outboxEntry = new Document("eventId", UUID.randomUUID().toString()).append("type", "MeetingConfirmed")
                .append("topic", "convoy.meetings").append("key", "k").append("payload", "{}");
        mongo.insert(new Document("_id", convoyId).append("meetings", list).append("outbox", List.of(outboxEntry))
                .append("version", 3L), ScheduleHead.COLLECTION);
    }

    private Document raw(String convoyId) {
        return mongo.findOne(Query.query(Criteria.where("_id").is(convoyId)), Document.class, ScheduleHead.COLLECTION);
    }

    private static MeetingPlan plan(String hostId, String startsAt, List<UUID> attendees) {
        Instant start = Instant.parse(startsAt);
        return new MeetingPlan(hostId, hostId + " Inc.", hostId + " campus", "1 Main St", "LOS_ANGELES", "Los Angeles",
                start, start.plusSeconds(3600), "America/Los_Angeles", Axis.ECONOMIC, Sector.FINTECH, "Visit",
                attendees);
    }
}
