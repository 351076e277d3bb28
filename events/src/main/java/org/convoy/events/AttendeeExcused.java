package org.convoy.events;

import java.time.Instant;
import java.util.UUID;

/** An organizer excused an attendee's absence from a meeting: it does not count as a no-show. */
public record AttendeeExcused(
        UUID eventId,
        Instant occurredAt,
        int schemaVersion,
        UUID meetingId,
        String convoyId,
        UUID delegateId,
        String reason) implements AttendanceEvent {

    public static final int SCHEMA_VERSION = 1;
}
