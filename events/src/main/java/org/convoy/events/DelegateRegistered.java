package org.convoy.events;

import java.time.Instant;
import java.util.UUID;

/** A delegate submitted a registration; it awaits an organizer's decision. */
public record DelegateRegistered(
        UUID eventId,
        Instant occurredAt,
        int schemaVersion,
        UUID delegateId,
        String convoyId,
        DelegateProfile profile) implements DelegateEvent {

    public static final int SCHEMA_VERSION = 1;
}
