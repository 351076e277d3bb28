package org.convoy.events;

import java.time.Instant;
import java.util.UUID;

/**
 * An organizer logged out: the token with this id ({@code jti}) is no longer accepted anywhere, though it has not
 * expired. Services keep it on their deny list until {@code tokenExpiresAt}, when it would have stopped anyway.
 */
public record OrganizerLoggedOut(
        UUID eventId,
        Instant occurredAt,
        int schemaVersion,
        String username,
        String tokenId,
        Instant tokenExpiresAt) implements SessionEvent {

    public static final int SCHEMA_VERSION = 1;
}
