package org.convoy.scheduling.meeting.domain;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.convoy.events.Axis;
import org.convoy.events.Sector;
import org.convoy.scheduling.convoy.domain.Convoy;
import org.convoy.scheduling.convoy.domain.Place;
import org.convoy.scheduling.host.domain.Host;

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

    /** A plan at the host's venue as the catalogue has it now, its city named as the convoy names it. */
    public static MeetingPlan at(Host host, Convoy convoy, Instant startsAt, Instant endsAt, Axis axis, Sector sector,
            String title, List<UUID> attendeeIds) {
        return new MeetingPlan(host.hostId(), host.name(), host.venue().name(), host.venue().address(),
                host.venue().city(), convoy.cityName(host.venue().city()), startsAt, endsAt,
                convoy.zoneOf(host.venue().city()).getId(), axis, sector,
                title, attendeeIds);
    }

    public Place place() {
        return new Place(hostId, address, city);
    }

    public MeetingPlan withAttendees(List<UUID> attendees) {
        return new MeetingPlan(hostId, hostName, venue, address, city, cityName, startsAt, endsAt, zone, axis, sector,
                title, attendees);
    }

    /** The same plan on another topic (what matchmaking settles on once it knows the cohort). */
    public MeetingPlan about(Axis newAxis, Sector newSector, String newTitle) {
        return new MeetingPlan(hostId, hostName, venue, address, city, cityName, startsAt, endsAt, zone, newAxis,
                newSector, newTitle, attendeeIds);
    }
}
