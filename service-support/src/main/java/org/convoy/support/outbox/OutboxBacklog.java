package org.convoy.support.outbox;

import java.time.Duration;
import java.time.Instant;

/**
 * What a service's outbox holds, as read from the store: the same answer from every instance.
 *
 * @param pending the events recorded and not yet acknowledged by the broker
 * @param oldest  when the oldest of them happened; null when none is pending
 */
public record OutboxBacklog(long pending, Instant oldest) {

    /** Nothing pending. */
    public static final OutboxBacklog EMPTY = new OutboxBacklog(0, null);

    /** How long the oldest pending event has waited at {@code now}, in whole seconds; 0 when none is pending. */
    public long oldestAgeSeconds(Instant now) {
        return oldest == null ? 0 : Math.max(0, Duration.between(oldest, now).toSeconds());
    }
}
