package org.convoy.events;

import java.time.Instant;
import java.util.UUID;

/**
 * A personal, signed and expiring link to the delegate's own registration was issued, to be emailed to them:
 * on registration ({@code reason} {@code REGISTERED}) or when they ask for it again ({@code REQUESTED}).
 * The link is a credential: only notification-service reads it, and only to put it in that email.
 */
public record RegistrationLinkIssued(
        UUID eventId,
        Instant occurredAt,
        int schemaVersion,
        UUID delegateId,
        String convoyId,
        String reason,
        String link,
        Instant expiresAt) implements DelegateEvent {

    public static final int SCHEMA_VERSION = 1;

    public static final String REGISTERED = "REGISTERED";
    public static final String REQUESTED = "REQUESTED";
}
