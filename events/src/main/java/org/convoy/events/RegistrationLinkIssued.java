package org.convoy.events;

import java.time.Instant;
import java.util.UUID;

/**
 * A personal link to the delegate's own registration was issued, to be emailed to them: on registration
 * ({@code reason} {@code REGISTERED}) or when they ask for it again ({@code REQUESTED}). The link carries a one-time
 * code that only a holder of the link secret can make from {@code linkNonce} (notification, to put it in the email;
 * registration, which keeps only its hash), so the event itself opens nothing. It works until {@code expiresAt} or
 * its first use, and a newer link ends it.
 *
 * <p>Schema 2: {@code linkNonce} replaced {@code link}, which held a usable credential.
 */
public record RegistrationLinkIssued(
        UUID eventId,
        Instant occurredAt,
        int schemaVersion,
        UUID delegateId,
        String convoyId,
        String reason,
        String linkNonce,
        Instant expiresAt) implements DelegateEvent {

    public static final int SCHEMA_VERSION = 2;

    public static final String REGISTERED = "REGISTERED";
    public static final String REQUESTED = "REQUESTED";
}
