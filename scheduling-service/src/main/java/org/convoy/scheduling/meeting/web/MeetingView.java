package org.convoy.scheduling.meeting.web;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import org.convoy.events.Axis;
import org.convoy.events.Sector;
import org.convoy.scheduling.meeting.domain.Conflict;
import org.convoy.scheduling.meeting.domain.MeetingStatus;

/**
 * A meeting for organizers: times in the meeting's zone (named), the cohort with names, and for a draft what
 * would stop it from being confirmed now.
 */
public record MeetingView(
        UUID id,
        String convoyId,
        MeetingStatus status,
        int sequence,
        String hostId,
        String hostName,
        String venue,
        String address,
        String city,
        String cityName,
        OffsetDateTime startsAt,
        OffsetDateTime endsAt,
        String zone,
        Axis axis,
        Sector sector,
        String title,
        List<Attendee> attendees,
        String cancelReason,
        List<Conflict> conflicts,
        HostAnswerView hostAnswer) {

    /** @param status the delegate's status as scheduling knows it, {@code null} when it no longer knows them */
    public record Attendee(UUID id, String name, String organization, String status) {
    }

    /**
     * What the host answered about the meeting at its current time, given on the host page.
     *
     * @param kind {@code CONFIRMED} or {@code ANOTHER_TIME}
     * @param at   when, in the meeting's zone
     */
    public record HostAnswerView(String kind, String message, String contactName, OffsetDateTime at) {
    }
}
