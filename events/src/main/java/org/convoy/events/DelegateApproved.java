package org.convoy.events;

import java.time.Instant;
import java.util.UUID;

/** An organizer approved the delegate; from now on the delegate can be scheduled. */
public record DelegateApproved(
        UUID eventId,
        Instant occurredAt,
        int schemaVersion,
        UUID delegateId,
        String convoyId) implements DelegateEvent {

    public static final int SCHEMA_VERSION = 1;
}
