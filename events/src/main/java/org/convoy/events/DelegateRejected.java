package org.convoy.events;

import java.time.Instant;
import java.util.UUID;

/** An organizer rejected the registration, with the reason given to the delegate. */
public record DelegateRejected(
        UUID eventId,
        Instant occurredAt,
        int schemaVersion,
        UUID delegateId,
        String convoyId,
        String reason) implements DelegateEvent {

    public static final int SCHEMA_VERSION = 1;
}
