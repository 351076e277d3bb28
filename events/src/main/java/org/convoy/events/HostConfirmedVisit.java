package org.convoy.events;

import java.time.Instant;
import java.util.UUID;

/**
 * A host contact confirmed, on the host page, that the host receives a visit at the time it has now
 * ({@code sequence}: the meeting's sequence the answer is about).
 */
public record HostConfirmedVisit(
        UUID eventId,
        Instant occurredAt,
        int schemaVersion,
        String hostId,
        String convoyId,
        UUID meetingId,
        int sequence,
        UUID contactId,
        String message) implements HostEvent {

    public static final int SCHEMA_VERSION = 1;
}
