package org.convoy.events;

import java.time.Instant;
import java.util.UUID;

/**
 * An attendee arrived at a confirmed meeting: her check-in code was scanned or typed at the venue. Sent once per
 * attendee and meeting; scanning again changes nothing.
 *
 * @param checkedInAt when she arrived
 * @param endsAt      when the meeting ends, after which she is asked for her feedback
 * @param zone        the meeting's zone, in which times are shown to her
 */
public record AttendeeCheckedIn(
        UUID eventId,
        Instant occurredAt,
        int schemaVersion,
        UUID meetingId,
        String convoyId,
        UUID delegateId,
        Instant checkedInAt,
        Instant endsAt,
        String zone) implements AttendanceEvent {

    public static final int SCHEMA_VERSION = 1;
}
