package org.convoy.events;

import java.time.Instant;
import java.util.UUID;

/**
 * A host contact asked, on the host page, for another time for a visit, with a message for the organizers, who
 * decide: the meeting stays as it is until they move or cancel it.
 */
public record HostProposedAnotherTime(
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
