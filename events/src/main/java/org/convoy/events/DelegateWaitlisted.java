package org.convoy.events;

import java.time.Instant;
import java.util.UUID;

/**
 * The convoy (or the delegate's role) was full, so the delegate's group waits for a place; the group stays
 * together on the waitlist.
 */
public record DelegateWaitlisted(
        UUID eventId,
        Instant occurredAt,
        int schemaVersion,
        UUID delegateId,
        String convoyId,
        UUID groupId) implements DelegateEvent {

    public static final int SCHEMA_VERSION = 1;
}
