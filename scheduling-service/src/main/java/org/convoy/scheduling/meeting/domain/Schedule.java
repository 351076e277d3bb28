package org.convoy.scheduling.meeting.domain;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;

import org.convoy.events.ConvoyEvent;
import org.convoy.events.HostConfirmedVisit;
import org.convoy.events.HostProposedAnotherTime;
import org.convoy.events.MeetingCancelled;
import org.convoy.events.MeetingConfirmed;
import org.convoy.events.MeetingRescheduled;
import org.convoy.support.outbox.OutboxEntry;

/**
 * The meetings of one convoy that a change needs: the meeting it is about and every confirmed meeting it must fit
 * around (its host's and its attendees'), or, for the domain's own tests, the whole agenda. A change applies the
 * planning rules to these, records the events it causes, and notes which meetings it touched; the store writes
 * exactly those ({@link #touched()}, {@link #removed()}) and the events, in one commit that is checked against
 * every commit before it (see {@code ScheduleStore}).
 */
public class Schedule {

    private final String convoyId;
    private final List<Meeting> meetings;
    private final List<OutboxEntry> outbox = new ArrayList<>();
    private final Set<UUID> touched = new LinkedHashSet<>();
    private final Set<UUID> removed = new LinkedHashSet<>();

    Schedule(String convoyId, List<Meeting> meetings) {
        this.convoyId = convoyId;
        this.meetings = new ArrayList<>(meetings);
    }

    public static Schedule empty(String convoyId) {
        return new Schedule(convoyId, List.of());
    }

    /** The meetings a change needs, as the store has them now. */
    public static Schedule of(String convoyId, List<Meeting> meetings) {
        return new Schedule(convoyId, meetings);
    }

    public String convoyId() {
        return convoyId;
    }

    public List<Meeting> meetings() {
        return List.copyOf(meetings);
    }

    public List<Meeting> confirmed() {
        return meetings.stream().filter(meeting -> meeting.is(MeetingStatus.CONFIRMED)).toList();
    }

    public Optional<Meeting> meeting(UUID meetingId) {
        return meetings.stream().filter(meeting -> meeting.id().equals(meetingId)).findFirst();
    }

    /** The events the changes so far caused, in order. */
    public List<OutboxEntry> pendingEvents() {
        return List.copyOf(outbox);
    }

    /** The meetings changed or added so far, as they are now. */
    public List<Meeting> touched() {
        return touched.stream().map(id -> meeting(id).orElseThrow()).toList();
    }

    /** The drafts discarded so far. */
    public Set<UUID> removed() {
        return Set.copyOf(removed);
    }

    public Meeting draft(UUID meetingId, MeetingPlan plan, Instant now) {
        Optional<Meeting> known = meeting(meetingId);
        if (known.isPresent()) {
            return known.get();
        }
        Meeting draft = Meeting.draft(meetingId, plan, now);
        meetings.add(draft);
        touched.add(meetingId);
        return draft;
    }

    /**
     * Changes what is planned. A draft simply takes the new plan; a confirmed meeting is checked again and, if the
     * plan really changed, attendees are told ({@link MeetingRescheduled}, sequence + 1).
     */
    public Meeting replan(UUID meetingId, MeetingPlan plan, PlanningRules rules, Instant now) {
        Meeting meeting = existing(meetingId);
        return switch (meeting.status()) {
            case DRAFT -> replace(meeting.replannedAs(plan, 0, now));
            case CANCELLED -> throw new MeetingStateException("A cancelled meeting cannot be changed; plan a new one.");
            case CONFIRMED -> {
                if (meeting.plan().equals(plan)) {
                    yield meeting;
                }
                Meeting moved = meeting.replannedAs(plan, meeting.sequence() + 1, now);
                refuseConflicts(rules, moved);
                replace(moved);
                record(new MeetingRescheduled(UUID.randomUUID(), now, MeetingRescheduled.SCHEMA_VERSION, meetingId,
                        convoyId, moved.sequence(), moved.details()));
                yield moved;
            }
        };
    }

    /** Confirms a draft if no rule is broken; confirming a confirmed meeting again changes nothing. */
    public Meeting confirm(UUID meetingId, PlanningRules rules, Instant now) {
        Meeting meeting = existing(meetingId);
        return switch (meeting.status()) {
            case CONFIRMED -> meeting;
            case CANCELLED -> throw new MeetingStateException("A cancelled meeting cannot be confirmed; plan a new one.");
            case DRAFT -> {
                refuseConflicts(rules, meeting);
                Meeting confirmed = replace(meeting.withStatus(MeetingStatus.CONFIRMED, 0, null, now));
                record(new MeetingConfirmed(UUID.randomUUID(), now, MeetingConfirmed.SCHEMA_VERSION, meetingId, convoyId,
                        confirmed.sequence(), confirmed.details()));
                yield confirmed;
            }
        };
    }

    /** Cancels a confirmed meeting and tells its attendees; cancelling again changes nothing. */
    public Meeting cancel(UUID meetingId, String reason, Instant now) {
        Meeting meeting = existing(meetingId);
        return switch (meeting.status()) {
            case CANCELLED -> meeting;
            case DRAFT -> throw new MeetingStateException("A draft is discarded, not cancelled: nobody was told of it.");
            case CONFIRMED -> cancelled(meeting, reason, now);
        };
    }

    /**
     * The host answered about a confirmed meeting at the time it has now ({@code answer.sequence()}); organizers see
     * the answer with the meeting and decide. The same answer again changes nothing.
     */
    public Meeting answer(UUID meetingId, String hostId, HostAnswer answer, Instant now) {
        Meeting meeting = existing(meetingId);
        if (!meeting.is(MeetingStatus.CONFIRMED) || !meeting.hostId().equals(hostId)) {
            throw new MeetingNotFoundException(meetingId);
        }
        if (meeting.sequence() != answer.sequence()) {
            throw new MeetingStateException("The visit changed since the page showed it; read it again and answer "
                    + "about its new time.");
        }
        HostAnswer known = meeting.hostAnswer();
        if (known != null && known.kind() == answer.kind() && Objects.equals(known.message(), answer.message())
                && known.contactId().equals(answer.contactId())) {
            return meeting;
        }
        Meeting answered = replace(meeting.answered(answer, now));
        record(answer.kind() == HostAnswer.Kind.CONFIRMED
                ? new HostConfirmedVisit(UUID.randomUUID(), now, HostConfirmedVisit.SCHEMA_VERSION, hostId, convoyId,
                        meetingId, answer.sequence(), answer.contactId(), answer.message())
                : new HostProposedAnotherTime(UUID.randomUUID(), now, HostProposedAnotherTime.SCHEMA_VERSION, hostId,
                        convoyId, meetingId, answer.sequence(), answer.contactId(), answer.message()));
        return answered;
    }

    /** Removes a draft nobody was told about. */
    public void discard(UUID meetingId) {
        Meeting meeting = existing(meetingId);
        if (!meeting.is(MeetingStatus.DRAFT)) {
            throw new MeetingStateException("Only drafts can be discarded; cancel a confirmed meeting instead.");
        }
        meetings.remove(meeting);
        touched.remove(meetingId);
        removed.add(meetingId);
    }

    /**
     * A delegate no longer takes part (withdrawn or erased): they leave every meeting that has not started yet,
     * and the remaining attendees' meetings change; a meeting left without attendees is cancelled. An erased
     * delegate also disappears from past meetings, without telling anyone.
     *
     * @return the meetings that changed and were announced
     */
    public List<Meeting> leave(UUID delegateId, Instant now, boolean erased, String reason) {
        List<Meeting> announced = new ArrayList<>();
        for (Meeting meeting : List.copyOf(meetings)) {
            if (!meeting.attends(delegateId)) {
                continue;
            }
            List<UUID> remaining = meeting.attendeeIds().stream().filter(id -> !id.equals(delegateId)).toList();
            boolean upcoming = meeting.startsAt().isAfter(now);
            if (meeting.is(MeetingStatus.CONFIRMED) && upcoming) {
                if (remaining.isEmpty()) {
                    // The event names the leaving delegate, whose calendar entry goes too.
                    Meeting cancelled = cancelled(meeting, reason, now);
                    announced.add(erased ? replace(cancelled.withAttendees(remaining, cancelled.sequence(), now))
                            : cancelled);
                } else {
                    Meeting changed = replace(meeting.withAttendees(remaining, meeting.sequence() + 1, now));
                    record(new MeetingRescheduled(UUID.randomUUID(), now, MeetingRescheduled.SCHEMA_VERSION,
                            changed.id(), convoyId, changed.sequence(), changed.details()));
                    announced.add(changed);
                }
            } else if (meeting.is(MeetingStatus.DRAFT) || erased) {
                replace(meeting.withAttendees(remaining, meeting.sequence(), now));
            }
        }
        return announced;
    }

    private Meeting cancelled(Meeting meeting, String reason, Instant now) {
        Meeting cancelled = replace(meeting.withStatus(MeetingStatus.CANCELLED, meeting.sequence() + 1, reason, now));
        record(new MeetingCancelled(UUID.randomUUID(), now, MeetingCancelled.SCHEMA_VERSION, cancelled.id(), convoyId,
                cancelled.sequence(), reason, meeting.attendeeIds()));
        return cancelled;
    }

    private void refuseConflicts(PlanningRules rules, Meeting candidate) {
        List<Conflict> conflicts = rules.check(candidate, confirmed());
        if (!conflicts.isEmpty()) {
            throw new MeetingConflictException(conflicts);
        }
    }

    private Meeting existing(UUID meetingId) {
        return meeting(meetingId).orElseThrow(missing(meetingId));
    }

    private static Supplier<MeetingNotFoundException> missing(UUID meetingId) {
        return () -> new MeetingNotFoundException(meetingId);
    }

    private Meeting replace(Meeting changed) {
        for (int i = 0; i < meetings.size(); i++) {
            if (meetings.get(i).id().equals(changed.id())) {
                meetings.set(i, changed);
                touched.add(changed.id());
                return changed;
            }
        }
        throw new MeetingNotFoundException(changed.id());
    }

    private void record(ConvoyEvent event) {
        outbox.add(OutboxEntry.of(event));
    }
}
