package org.convoy.events;

import java.time.Instant;
import java.util.UUID;

/**
 * An organizer sent a host contact a personal link to the host page. As with {@link RegistrationLinkIssued}, only a
 * holder of the link secret makes the one-time code from {@code linkNonce}; the event itself opens nothing. The link
 * works once, until {@code expiresAt}, and a newer one (or an organizer's revocation) ends it.
 */
public record HostLinkIssued(
        UUID eventId,
        Instant occurredAt,
        int schemaVersion,
        String hostId,
        UUID contactId,
        String linkNonce,
        Instant expiresAt) implements HostEvent {

    public static final int SCHEMA_VERSION = 1;
}
