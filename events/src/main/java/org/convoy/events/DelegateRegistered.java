package org.convoy.events;

import java.time.Instant;
import java.util.UUID;

/**
 * A delegate's registration was received. {@code groupId} is the delegate id of the group's lead (a mayor
 * registering with staff); it equals {@code delegateId} for the lead and for someone registering alone.
 */
public record DelegateRegistered(
        UUID eventId,
        Instant occurredAt,
        int schemaVersion,
        UUID delegateId,
        String convoyId,
        UUID groupId,
        DelegateProfile profile) implements DelegateEvent {

    public static final int SCHEMA_VERSION = 1;
}
