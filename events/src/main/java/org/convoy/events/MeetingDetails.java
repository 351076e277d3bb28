package org.convoy.events;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Where, when and with whom a meeting takes place. Times are instants; {@code zone} (e.g.
 * {@code America/Los_Angeles}) is the zone in which they are shown to people.
 */
public record MeetingDetails(
        String hostId,
        String hostName,
        String venue,
        String address,
        String city,
        Instant startsAt,
        Instant endsAt,
        String zone,
        String axis,
        String sector,
        List<UUID> attendeeIds) {
}
