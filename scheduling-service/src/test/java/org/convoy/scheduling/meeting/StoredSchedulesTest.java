package org.convoy.scheduling.meeting;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.bson.Document;
import org.convoy.events.Axis;
import org.convoy.events.Sector;
import org.convoy.scheduling.meeting.domain.Meeting;
import org.convoy.scheduling.meeting.domain.MeetingPlan;
import org.convoy.scheduling.meeting.domain.Schedule;
import org.convoy.scheduling.meeting.domain.ScheduleRepository;
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
 * How schedules are stored, on the MongoDB-wire store: a schedule saved before a meeting held its plan (the plan's
 * fields on the meeting itself) loads unchanged once the start-up upgrade has rewritten it.
 */
@DataMongoTest
@ContextConfiguration(initializers = MongoWireStore.class)
@Import(MeetingShapeUpgrade.class)
class StoredSchedulesTest {

    private static final Instant NOW = Instant.parse("2023-02-20T18:00:00Z");

    @Autowired
    ScheduleRepository schedules;

    @Autowired
    MongoOperations mongo;

    @Autowired
    MeetingShapeUpgrade upgrade;

    @Test
    void aScheduleStoredInTheEarlierShapeLoadsWithItsMeetingsPlansAfterTheUpgrade() {
        String convoyId = "shape-" + UUID.randomUUID();
        Schedule schedule = Schedule.empty(convoyId);
        UUID first = UUID.randomUUID();
        UUID second = UUID.randomUUID();
        schedule.draft(first, plan("disney", "2023-02-28T18:00:00Z", List.of(UUID.randomUUID())), NOW);
        schedule.draft(second, plan("netflix", "2023-03-01T22:00:00Z", List.of(UUID.randomUUID(), UUID.randomUUID())),
                NOW);
        List<Meeting> asPlanned = schedules.save(schedule).meetings();
        storeInTheEarlierShape(convoyId);
        assertThat(schedules.findById(convoyId).orElseThrow().meetings()).extracting(Meeting::plan)
                .as("read as it is stored, the earlier shape has no plan").containsOnlyNulls();

        assertThat(upgrade.upgrade()).isEqualTo(1);

        Schedule loaded = schedules.findById(convoyId).orElseThrow();
        assertThat(loaded.meetings()).containsExactlyElementsOf(asPlanned);
        assertThat(upgrade.upgrade()).as("nothing left to rewrite").isZero();
    }

    @Test
    void aScheduleAlreadyInTheCurrentShapeIsLeftAlone() {
        String convoyId = "current-" + UUID.randomUUID();
        Schedule schedule = Schedule.empty(convoyId);
        schedule.draft(UUID.randomUUID(), plan("paypal", "2023-03-02T17:00:00Z", List.of(UUID.randomUUID())), NOW);
        Schedule saved = schedules.save(schedule);
        Object versionBefore = raw(convoyId).get("version");

        upgrade.upgrade();

        assertThat(raw(convoyId).get("version")).isEqualTo(versionBefore);
        assertThat(schedules.findById(convoyId).orElseThrow().meetings()).isEqualTo(saved.meetings());
    }

    /** Moves every plan field up onto its meeting, as schedules were written before. */
    private void storeInTheEarlierShape(String convoyId) {
        Document stored = raw(convoyId);
        List<Document> meetings = stored.getList("meetings", Document.class).stream().map(meeting -> {
            Document flat = new Document(meeting);
            Document plan = (Document) flat.remove("plan");
            flat.putAll(plan);
            return flat;
        }).toList();
        stored.put("meetings", meetings);
        mongo.findAndReplace(Query.query(Criteria.where("_id").is(convoyId)), stored, Schedule.COLLECTION);
        assertThat(raw(convoyId).getList("meetings", Document.class))
                .allSatisfy(meeting -> assertThat(meeting).doesNotContainKey("plan").containsKey("hostId"));
    }

    private Document raw(String convoyId) {
        return mongo.findOne(Query.query(Criteria.where("_id").is(convoyId)), Document.class, Schedule.COLLECTION);
    }

    private static MeetingPlan plan(String hostId, String startsAt, List<UUID> attendees) {
        Instant start = Instant.parse(startsAt);
        return new MeetingPlan(hostId, hostId + " Inc.", hostId + " campus", "1 Main St", "LOS_ANGELES", "Los Angeles",
                start, start.plusSeconds(3600), "America/Los_Angeles", Axis.ECONOMIC, Sector.FINTECH, "Visit",
                attendees);
    }
}
