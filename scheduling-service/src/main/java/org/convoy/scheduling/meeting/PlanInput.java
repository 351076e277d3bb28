package org.convoy.scheduling.meeting;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.convoy.events.Axis;
import org.convoy.events.Sector;

/** What an organizer asks for; checked and completed from the host catalogue into a meeting plan. */
public record PlanInput(String hostId, Instant startsAt, Instant endsAt, Axis axis, Sector sector, String title,
        List<UUID> attendeeIds) {
}
