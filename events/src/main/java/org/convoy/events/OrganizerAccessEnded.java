package org.convoy.events;

import java.time.Instant;
import java.util.UUID;

/**
 * An organizer's access changed, so every token she was given until {@code endedAt} stops working everywhere: an
 * administrator disabled or removed her account or changed the convoys she may see, or she changed her password.
 * A token is refused when its {@code iat} is at or before {@code endedAt}; tokens issued later (she logs in again,
 * when she still may) work. Services keep the mark until {@code tokensExpireBy}, when every token it covers has
 * expired anyway.
 *
 * @param reason one of {@link #DISABLED}, {@link #REMOVED}, {@link #SCOPE_CHANGED}, {@link #PASSWORD_CHANGED}; for
 *               logs, readers must not depend on it
 */
public record OrganizerAccessEnded(
        UUID eventId,
        Instant occurredAt,
        int schemaVersion,
        String username,
        Instant endedAt,
        Instant tokensExpireBy,
        String reason) implements SessionEvent {

    public static final int SCHEMA_VERSION = 1;

    public static final String DISABLED = "DISABLED";
    public static final String REMOVED = "REMOVED";
    public static final String SCOPE_CHANGED = "SCOPE_CHANGED";
    public static final String PASSWORD_CHANGED = "PASSWORD_CHANGED";
}
