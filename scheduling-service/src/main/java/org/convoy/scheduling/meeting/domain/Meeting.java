package org.convoy.scheduling.meeting.domain;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

import org.convoy.events.Axis;
import org.convoy.events.MeetingDetails;
import org.convoy.events.Sector;
import org.convoy.scheduling.edition.domain.Place;

/**
 * A meeting between a delegation cohort and a host. The host's venue is copied in when the meeting is planned,
 * so a confirmed meeting keeps the place attendees were told about.
 *
 * @param zone     the zone its times are shown in (the convoy's)
 * @param sequence grows with every change attendees are told about; calendar entries carry it
 */
public record Meeting(
        UUID id,
        String hostId,
        String hostName,
        String venue,
        String address,
        String city,
        String cityName,
        Instant startsAt,
        Instant endsAt,
        String zone,
        Axis axis,
        Sector sector,
        String title,
        List<UUID> attendeeIds,
        MeetingStatus status,
        int sequence,
        String cancelReason,
        Instant updatedAt) {

    public Meeting {
        attendeeIds = List.copyOf(attendeeIds);
    }

    /** A meeting as planned, not yet saved anywhere: what matchmaking weighs before it drafts. */
    public static Meeting planned(UUID id, MeetingPlan plan) {
        return draft(id, plan, null);
    }

    static Meeting draft(UUID id, MeetingPlan plan, Instant now) {
        return new Meeting(id, plan.hostId(), plan.hostName(), plan.venue(), plan.address(), plan.city(), plan.cityName(),
                plan.startsAt(), plan.endsAt(), plan.zone(), plan.axis(), plan.sector(), plan.title(), plan.attendeeIds(),
                MeetingStatus.DRAFT, 0, null, now);
    }

    Meeting replannedAs(MeetingPlan plan, int newSequence, Instant now) {
        return new Meeting(id, plan.hostId(), plan.hostName(), plan.venue(), plan.address(), plan.city(), plan.cityName(),
                plan.startsAt(), plan.endsAt(), plan.zone(), plan.axis(), plan.sector(), plan.title(), plan.attendeeIds(), status,
                newSequence, null, now);
    }

    Meeting withStatus(MeetingStatus newStatus, int newSequence, String reason, Instant now) {
        return new Meeting(id, hostId, hostName, venue, address, city, cityName, startsAt, endsAt, zone, axis, sector, title,
                attendeeIds, newStatus, newSequence, reason, now);
    }

    Meeting withAttendees(List<UUID> attendees, int newSequence, Instant now) {
        return new Meeting(id, hostId, hostName, venue, address, city, cityName, startsAt, endsAt, zone, axis, sector, title,
                attendees, status, newSequence, cancelReason, now);
    }

    public MeetingPlan plan() {
        return new MeetingPlan(hostId, hostName, venue, address, city, cityName, startsAt, endsAt, zone, axis, sector, title,
                attendeeIds);
    }

    public Place place() {
        return new Place(hostId, address, city);
    }

    public ZoneId zoneId() {
        return ZoneId.of(zone);
    }

    public boolean overlaps(Instant start, Instant end) {
        return startsAt.isBefore(end) && start.isBefore(endsAt);
    }

    public boolean attends(UUID delegateId) {
        return attendeeIds.contains(delegateId);
    }

    public boolean is(MeetingStatus wanted) {
        return status == wanted;
    }

    MeetingDetails details() {
        return new MeetingDetails(hostId, hostName, venue, address, cityName, startsAt, endsAt, zone,
                axis == null ? null : axis.name(), sector == null ? null : sector.name(), attendeeIds);
    }
}
