package org.convoy.scheduling.meeting.domain;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.convoy.events.Axis;
import org.convoy.events.Sector;
import org.convoy.scheduling.edition.domain.Place;

/** What an organizer plans: a host at its venue, a time, a topic and a cohort of delegates. */
public record MeetingPlan(
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
        List<UUID> attendeeIds) {

    public MeetingPlan {
        attendeeIds = List.copyOf(attendeeIds);
    }

    public Place place() {
        return new Place(hostId, address, city);
    }
}
