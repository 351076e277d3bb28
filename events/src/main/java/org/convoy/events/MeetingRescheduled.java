package org.convoy.events;

import java.time.Instant;
import java.util.UUID;

/** A confirmed meeting moved (time, venue or attendees); {@code details} is the whole new state. */
public record MeetingRescheduled(
        UUID eventId,
        Instant occurredAt,
        int schemaVersion,
        UUID meetingId,
        String convoyId,
        int sequence,
        MeetingDetails details) implements MeetingEvent {

    public static final int SCHEMA_VERSION = 1;
}
