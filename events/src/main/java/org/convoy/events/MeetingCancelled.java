package org.convoy.events;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A confirmed meeting was cancelled; attendees are told and calendar entries removed. */
public record MeetingCancelled(
        UUID eventId,
        Instant occurredAt,
        int schemaVersion,
        UUID meetingId,
        String convoyId,
        int sequence,
        String reason,
        List<UUID> attendeeIds) implements MeetingEvent {

    public static final int SCHEMA_VERSION = 1;
}
