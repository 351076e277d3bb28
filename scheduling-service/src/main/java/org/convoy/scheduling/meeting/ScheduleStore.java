package org.convoy.scheduling.meeting;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;

import org.bson.Document;
import org.convoy.scheduling.meeting.domain.Meeting;
import org.convoy.scheduling.meeting.domain.MeetingStatus;
import org.convoy.scheduling.meeting.domain.Schedule;
import org.convoy.scheduling.meeting.domain.ScheduleHead;
import org.convoy.scheduling.meeting.domain.StoredMeeting;
import org.convoy.support.outbox.OutboxEntry;
import org.convoy.support.outbox.OutboxRelay;
import org.convoy.support.outbox.OutboxTraceStamp;
import org.convoy.support.store.OptimisticWrites;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.BulkOperationException;
import org.springframework.data.mongodb.core.BulkOperations;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * Where meetings are kept: each in its own document ({@link StoredMeeting}), and every change committed through the
 * convoy's small {@link ScheduleHead}, without multi-document transactions.
 *
 * <p>A change (1) reads the head and first finishes the commit it may still carry (writes its meetings to their
 * documents, which any reader of the head may do: a write never replaces a later revision), (2) reads the meetings
 * it needs, (3) applies the planning rules to them, and (4) commits: saves the head, under the version read in (1),
 * with the meetings it changed and the events they cause, then writes those meetings to their documents. Two
 * changes of one convoy that raced both read the same head version and only one saves; the other starts again at
 * (1), where it finishes the winner's commit before it reads, so the rules always see every earlier commit. A
 * process that dies between (4)'s two steps leaves the commit in the head, and the next change or read finishes it.
 */
@Component
@Order(0)
public class ScheduleStore implements SmartInitializingSingleton {

    private static final String MEETING = "meeting.";
    private static final String REVISION = "revision";

    private final MongoOperations mongo;
    private final OptimisticWrites writes;
    private final OutboxRelay relay;
    private final MeetingShapeUpgrade upgrade;
    private final OutboxTraceStamp traces;
    private final Map<String, ReentrantLock> turns = new ConcurrentHashMap<>();

    ScheduleStore(MongoOperations mongo, OptimisticWrites writes, OutboxRelay relay, MeetingShapeUpgrade upgrade,
            OutboxTraceStamp traces) {
        this.traces = traces;
        this.mongo = mongo;
        this.writes = writes;
        this.relay = relay;
        this.upgrade = upgrade;
    }

    /** Earlier shapes upgraded, and every way meetings are read has its index. */
    @Override
    public void afterSingletonsInstantiated() {
        upgrade.run();
        var indexes = mongo.indexOps(StoredMeeting.class);
        indexes.createIndex(new Index().on("convoyId", Sort.Direction.ASC).on("day", Sort.Direction.ASC)
                .named("by_convoy_day"));
        indexes.createIndex(new Index().on("convoyId", Sort.Direction.ASC).on(MEETING + "status", Sort.Direction.ASC)
                .named("by_convoy_status"));
        indexes.createIndex(new Index().on("convoyId", Sort.Direction.ASC).on(MEETING + "plan.hostId", Sort.Direction.ASC)
                .named("by_convoy_host"));
        indexes.createIndex(new Index().on(MEETING + "plan.attendeeIds", Sort.Direction.ASC).named("by_attendee"));
        indexes.createIndex(new Index().on("convoyId", Sort.Direction.ASC).named("by_convoy"));
        // A commit a stopped process left half done is finished before anyone reads.
        mongo.find(Query.query(Criteria.where("pending.0").exists(true)), ScheduleHead.class)
                .forEach(head -> finish(head.convoyId(), head.pending(), head.commits()));
    }

    /** The meetings a change needs, read after the head's last commit was finished. */
    @FunctionalInterface
    public interface WorkingSet {
        Collection<StoredMeeting> read(ScheduleStore store);
    }

    /**
     * Applies a change to the meetings it needs and commits it; a change that lost a race is applied again to
     * what the winner left.
     */
    public <T> T change(String convoyId, WorkingSet needs, Function<Schedule, T> change) {
        // The changes of one instance queue here instead of racing each other to the head; those of other instances
        // still race, and the head's count of commits decides.
        ReentrantLock turn = turns.computeIfAbsent(convoyId, id -> new ReentrantLock(true));
        turn.lock();
        try {
            return writes.change(() -> load(convoyId, needs), loaded -> change.apply(loaded.schedule()), this::commit);
        } finally {
            turn.unlock();
        }
    }

    // --- reads ---

    public Optional<Meeting> meeting(String convoyId, UUID meetingId) {
        return stored(convoyId, meetingId).map(StoredMeeting::meeting);
    }

    public Optional<StoredMeeting> stored(String convoyId, UUID meetingId) {
        return Optional.ofNullable(mongo.findById(meetingId, StoredMeeting.class))
                .filter(stored -> convoyId.equals(stored.convoyId()) && stored.meeting() != null);
    }

    public List<StoredMeeting> ofConvoy(String convoyId) {
        return find(Criteria.where("convoyId").is(convoyId));
    }

    public List<StoredMeeting> confirmed(String convoyId) {
        return find(Criteria.where("convoyId").is(convoyId).and(MEETING + "status").is(MeetingStatus.CONFIRMED));
    }

    public List<StoredMeeting> ofDay(String convoyId, LocalDate day) {
        return find(Criteria.where("convoyId").is(convoyId).and("day").is(day));
    }

    public List<StoredMeeting> ofHost(String convoyId, String hostId) {
        return find(Criteria.where("convoyId").is(convoyId).and(MEETING + "plan.hostId").is(hostId));
    }

    /** The meetings any of these delegates attend (delegates belong to one convoy). */
    public List<StoredMeeting> ofAttendees(String convoyId, Collection<UUID> delegateIds) {
        if (delegateIds.isEmpty()) {
            return List.of();
        }
        return find(Criteria.where(MEETING + "plan.attendeeIds").in(delegateIds)).stream()
                .filter(stored -> convoyId.equals(stored.convoyId())).toList();
    }

    /**
     * The confirmed meetings a meeting with this host and these attendees must fit around, and the meeting itself
     * when it is stored.
     */
    public List<StoredMeeting> around(String convoyId, UUID meetingId, String hostId, Collection<UUID> attendeeIds) {
        Map<UUID, StoredMeeting> needed = new LinkedHashMap<>();
        stored(convoyId, meetingId).ifPresent(stored -> needed.put(stored.id(), stored));
        for (StoredMeeting stored : ofHost(convoyId, hostId)) {
            confirmedOnly(stored, needed);
        }
        for (StoredMeeting stored : ofAttendees(convoyId, attendeeIds)) {
            confirmedOnly(stored, needed);
        }
        return List.copyOf(needed.values());
    }

    private static void confirmedOnly(StoredMeeting stored, Map<UUID, StoredMeeting> needed) {
        if (stored.meeting().is(MeetingStatus.CONFIRMED)) {
            needed.putIfAbsent(stored.id(), stored);
        }
    }

    private List<StoredMeeting> find(Criteria criteria) {
        return mongo.find(Query.query(criteria), StoredMeeting.class).stream()
                .filter(stored -> stored.meeting() != null).toList();
    }

    // --- the commit ---

    private record Loaded(ScheduleHead head, Schedule schedule, Map<UUID, Long> revisions) {
    }

    private Loaded load(String convoyId, WorkingSet needs) {
        ScheduleHead head = mongo.findById(convoyId, ScheduleHead.class);
        if (head == null) {
            head = ScheduleHead.empty(convoyId);
        } else if (!head.pending().isEmpty()) {
            finish(convoyId, head.pending(), head.commits());
        }
        Map<UUID, Long> revisions = new HashMap<>();
        List<Meeting> meetings = new ArrayList<>();
        for (StoredMeeting stored : needs.read(this)) {
            revisions.put(stored.id(), stored.revision());
            meetings.add(stored.meeting());
        }
        return new Loaded(head, Schedule.of(convoyId, meetings), revisions);
    }

    private Loaded commit(Loaded loaded) {
        Schedule schedule = loaded.schedule();
        String convoyId = loaded.head().convoyId();
        List<StoredMeeting> changed = new ArrayList<>();
        for (Meeting meeting : schedule.touched()) {
            changed.add(StoredMeeting.of(convoyId, meeting, loaded.revisions().getOrDefault(meeting.id(), 0L) + 1));
        }
        for (UUID discarded : schedule.removed()) {
            changed.add(StoredMeeting.discarded(convoyId, discarded, loaded.revisions().getOrDefault(discarded, 0L) + 1));
        }
        if (changed.isEmpty() && schedule.pendingEvents().isEmpty()) {
            return loaded;
        }
        long commits = loaded.head().commits();
        Criteria unchanged = commits == 0
                ? Criteria.where("_id").is(convoyId).orOperator(Criteria.where("commits").is(0L),
                        Criteria.where("commits").exists(false))
                : Criteria.where("_id").is(convoyId).and("commits").is(commits);
        Update commit = new Update().set("pending", changed).inc("commits", 1).inc("version", 1);
        if (!schedule.pendingEvents().isEmpty()) {
            // Written by update, not by a save: the entries take the request's trace here (see OutboxTraceStamp).
            commit.push(OutboxEntry.FIELD).each(traces.stamp(schedule.pendingEvents()).toArray());
        }
        try {
            if (mongo.upsert(Query.query(unchanged), commit, ScheduleHead.class).getMatchedCount() == 0
                    && commits > 0) {
                throw new OptimisticLockingFailureException("Schedule of " + convoyId + " changed meanwhile");
            }
        } catch (DuplicateKeyException changedMeanwhile) {
            throw new OptimisticLockingFailureException("Schedule of " + convoyId + " changed meanwhile",
                    changedMeanwhile);
        }
        finish(convoyId, changed, commits + 1);
        if (!schedule.pendingEvents().isEmpty()) {
            relay.nudge(loaded.head());
        }
        return loaded;
    }

    /**
     * Writes a commit's meetings to their documents, each only over an earlier revision of itself, and then empties
     * the head's pending list if nobody committed since. Anyone may do it, any number of times.
     */
    private void finish(String convoyId, List<StoredMeeting> pending, long commits) {
        BulkOperations writes = mongo.bulkOps(BulkOperations.BulkMode.UNORDERED, StoredMeeting.class);
        for (StoredMeeting stored : pending) {
            Query earlier = Query.query(Criteria.where("_id").is(stored.id()).and(REVISION).lt(stored.revision()));
            if (stored.meeting() == null) {
                writes.remove(earlier);
            } else {
                writes.upsert(earlier, asUpdate(stored));
            }
        }
        try {
            writes.execute();
        } catch (BulkOperationException e) {
            // A later revision is there already: the upsert's insert collided with it, which is what should happen.
            if (e.getErrors().stream().anyMatch(error -> error.getCode() != 11000)) {
                throw e;
            }
        } catch (DuplicateKeyException laterRevisionThere) {
            // The same, reported by a driver that folds a bulk's duplicate keys into one exception.
        }
        mongo.updateFirst(Query.query(Criteria.where("_id").is(convoyId).and("commits").is(commits)),
                new Update().set("pending", List.of()), ScheduleHead.class);
    }

    private Update asUpdate(StoredMeeting stored) {
        Document document = new Document();
        mongo.getConverter().write(stored, document);
        Update update = new Update();
        document.forEach((field, value) -> {
            if (!"_id".equals(field) && !"_class".equals(field)) {
                update.set(field, value);
            }
        });
        return update;
    }
}
