package org.convoy.events;

import java.time.Instant;
import java.util.UUID;

/**
 * A delegate's personal data changed; {@code profile} is the whole new profile. When the change matters to the
 * organizers' decision (a new organization or position), an approved delegate goes back to review:
 * {@code reviewRequired} is then true and the delegate cannot be scheduled until approved again.
 */
public record DelegateUpdated(
        UUID eventId,
        Instant occurredAt,
        int schemaVersion,
        UUID delegateId,
        String convoyId,
        DelegateProfile profile,
        boolean reviewRequired) implements DelegateEvent {

    public static final int SCHEMA_VERSION = 1;
}
