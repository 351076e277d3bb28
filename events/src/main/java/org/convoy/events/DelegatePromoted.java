package org.convoy.events;

import java.time.Instant;
import java.util.UUID;

/** A place was freed and the delegate's whole group moved from the waitlist into the convoy; it awaits approval. */
public record DelegatePromoted(
        UUID eventId,
        Instant occurredAt,
        int schemaVersion,
        UUID delegateId,
        String convoyId,
        UUID groupId) implements DelegateEvent {

    public static final int SCHEMA_VERSION = 1;
}
