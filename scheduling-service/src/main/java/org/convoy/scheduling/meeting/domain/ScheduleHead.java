package org.convoy.scheduling.meeting.domain;

import java.util.ArrayList;
import java.util.List;

import org.convoy.support.outbox.OutboxEntry;
import org.convoy.support.outbox.Outboxed;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * The one small document of a convoy's schedule that every change commits through: its count of commits orders
 * them (a commit is saved only over the count it read), it holds the last commit's meetings until they are written to
 * their own documents ({@code pending}), and the events of the commits until the relay has published them
 * ({@code outbox}). The relay's removals bump {@code version}, not the count, so publishing never makes a commit
 * start again.
 */
@Document(ScheduleHead.COLLECTION)
public class ScheduleHead implements Outboxed {

    public static final String COLLECTION = "schedules";

    @Id
    private final String convoyId;
    private final long commits;
    private final List<StoredMeeting> pending;
    private final List<OutboxEntry> outbox;
    @Version
    private Long version;

    @PersistenceCreator
    ScheduleHead(String convoyId, Long commits, List<StoredMeeting> pending, List<OutboxEntry> outbox, Long version) {
        this.convoyId = convoyId;
        this.commits = commits == null ? 0 : commits;
        this.pending = pending == null ? List.of() : List.copyOf(pending);
        this.outbox = outbox == null ? new ArrayList<>() : new ArrayList<>(outbox);
        this.version = version;
    }

    public static ScheduleHead empty(String convoyId) {
        return new ScheduleHead(convoyId, 0L, List.of(), List.of(), null);
    }

    /** How many commits the schedule has had. */
    public long commits() {
        return commits;
    }

    public String convoyId() {
        return convoyId;
    }

    public Long version() {
        return version;
    }

    /** What the last commit changed, until it is written to the meetings' own documents. */
    public List<StoredMeeting> pending() {
        return pending;
    }

    @Override
    public List<OutboxEntry> pendingEvents() {
        return List.copyOf(outbox);
    }
}
