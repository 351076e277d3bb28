package org.convoy.events;

import java.time.Instant;
import java.util.UUID;

/**
 * The delegate opened the personal link emailed to her: she has confirmed that the registration, and the mobile number
 * in it, are hers. Texts to that number may start (notification sends none before this or an organizer's approval).
 */
public record DelegateLinkOpened(
        UUID eventId,
        Instant occurredAt,
        int schemaVersion,
        UUID delegateId,
        String convoyId) implements DelegateEvent {

    public static final int SCHEMA_VERSION = 1;
}
