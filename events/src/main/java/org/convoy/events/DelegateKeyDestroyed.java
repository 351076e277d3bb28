package org.convoy.events;

import java.time.Instant;
import java.util.UUID;

/**
 * The delegate was erased and their key destroyed: every service forgets its copy, and the personal data sealed
 * with it in events still on the broker can no longer be read by anyone. Published before {@link DelegateErased}.
 */
public record DelegateKeyDestroyed(
        UUID eventId,
        Instant occurredAt,
        int schemaVersion,
        UUID delegateId,
        String convoyId) implements DelegateKeyEvent {

    public static final int SCHEMA_VERSION = 1;
}
