package org.convoy.events;

import java.time.Instant;
import java.util.UUID;

/** The delegate withdrew; they leave their future meetings. */
public record DelegateWithdrawn(
        UUID eventId,
        Instant occurredAt,
        int schemaVersion,
        UUID delegateId,
        String convoyId) implements DelegateEvent {

    public static final int SCHEMA_VERSION = 1;
}
