package org.convoy.events;

import java.time.Instant;
import java.util.UUID;

/** An organizer confirmed a meeting between a delegation cohort and a host. */
public record MeetingConfirmed(
        UUID eventId,
        Instant occurredAt,
        int schemaVersion,
        UUID meetingId,
        String convoyId,
        int sequence,
        MeetingDetails details) implements MeetingEvent {

    public static final int SCHEMA_VERSION = 1;
}
