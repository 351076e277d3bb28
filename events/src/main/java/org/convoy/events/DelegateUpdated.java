package org.convoy.events;

import java.time.Instant;
import java.util.UUID;

/** A delegate's personal data changed; {@code profile} is the whole new profile. */
public record DelegateUpdated(
        UUID eventId,
        Instant occurredAt,
        int schemaVersion,
        UUID delegateId,
        String convoyId,
        DelegateProfile profile) implements DelegateEvent {

    public static final int SCHEMA_VERSION = 1;
}
