package org.convoy.events;

import java.time.Instant;
import java.util.UUID;

/** The delegate's personal data was erased; every service must forget it. */
public record DelegateErased(
        UUID eventId,
        Instant occurredAt,
        int schemaVersion,
        UUID delegateId,
        String convoyId) implements DelegateEvent {

    public static final int SCHEMA_VERSION = 1;
}
