package org.convoy.scheduling.meeting.domain;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

import org.convoy.events.MeetingDetails;
import org.convoy.scheduling.convoy.domain.Place;

/**
 * A meeting between a delegation cohort and a host: what is planned ({@link MeetingPlan}, with the host's venue
 * copied in, so a confirmed meeting keeps the place attendees were told about) and where it stands.
 *
 * @param sequence   grows with every change attendees are told about; calendar entries carry it
 * @param hostAnswer what the host answered about the meeting at its current time, or {@code null}
 */
public record Meeting(UUID id, MeetingPlan plan, MeetingStatus status, int sequence, String cancelReason,
        Instant updatedAt, HostAnswer hostAnswer) {

    /** A meeting as planned, not yet saved anywhere: what matchmaking weighs before it drafts. */
    public static Meeting planned(UUID id, MeetingPlan plan) {
        return draft(id, plan, null);
    }

    static Meeting draft(UUID id, MeetingPlan plan, Instant now) {
        return new Meeting(id, plan, MeetingStatus.DRAFT, 0, null, now, null);
    }

    /** A new plan: whatever the host answered was about the old one. */
    Meeting replannedAs(MeetingPlan newPlan, int newSequence, Instant now) {
        return new Meeting(id, newPlan, status, newSequence, null, now, null);
    }

    Meeting withStatus(MeetingStatus newStatus, int newSequence, String reason, Instant now) {
        return new Meeting(id, plan, newStatus, newSequence, reason, now, hostAnswer);
    }

    Meeting answered(HostAnswer answer, Instant now) {
        return new Meeting(id, plan, status, sequence, cancelReason, now, answer);
    }

    Meeting withAttendees(List<UUID> attendees, int newSequence, Instant now) {
        return new Meeting(id, plan.withAttendees(attendees), status, newSequence, cancelReason, now, hostAnswer);
    }

    public String hostId() {
        return plan.hostId();
    }

    public Instant startsAt() {
        return plan.startsAt();
    }

    public Instant endsAt() {
        return plan.endsAt();
    }

    public List<UUID> attendeeIds() {
        return plan.attendeeIds();
    }

    public Place place() {
        return plan.place();
    }

    public ZoneId zoneId() {
        return ZoneId.of(plan.zone());
    }

    /** When it starts, as attendees read it: in the meeting's zone. */
    public OffsetDateTime localStart() {
        return plan.startsAt().atZone(zoneId()).toOffsetDateTime();
    }

    public OffsetDateTime localEnd() {
        return plan.endsAt().atZone(zoneId()).toOffsetDateTime();
    }

    public boolean overlaps(Instant start, Instant end) {
        return plan.startsAt().isBefore(end) && start.isBefore(plan.endsAt());
    }

    public boolean attends(UUID delegateId) {
        return plan.attendeeIds().contains(delegateId);
    }

    public boolean is(MeetingStatus wanted) {
        return status == wanted;
    }

    MeetingDetails details() {
        return new MeetingDetails(plan.hostId(), plan.hostName(), plan.venue(), plan.address(), plan.cityName(),
                plan.startsAt(), plan.endsAt(), plan.zone(), plan.axis() == null ? null : plan.axis().name(),
                plan.sector() == null ? null : plan.sector().name(), plan.attendeeIds());
    }
}
