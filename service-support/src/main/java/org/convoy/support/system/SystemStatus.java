package org.convoy.support.system;

import java.time.Instant;
import java.util.Map;

/**
 * What an organizer's system panel shows of one service.
 *
 * @param service the service ({@code spring.application.name})
 * @param at      when this was read
 * @param outbox  the events it recorded and the broker has not acknowledged yet
 * @param deadLetters what it could not do, waiting for a person
 * @param counts  what the service adds ({@link SystemCounts}), by name
 */
public record SystemStatus(String service, Instant at, Outbox outbox, DeadLetterCount deadLetters,
        Map<String, Map<String, Long>> counts) {

    /**
     * @param pending              events not yet acknowledged by the broker
     * @param oldestPendingSeconds how long the oldest of them has waited; 0 when none
     */
    public record Outbox(long pending, long oldestPendingSeconds) {
    }
}
