package org.convoy.support.store;

import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

import org.convoy.support.outbox.OutboxRelay;
import org.convoy.support.outbox.Outboxed;
import org.convoy.support.problem.BusyException;
import org.springframework.dao.OptimisticLockingFailureException;

/**
 * The one way services change an aggregate document without transactions: load it, apply the change, save it under
 * its optimistic version; when another writer saved first, load the fresh state and apply the change again. A
 * change therefore must be a function of the state it is given. After a save that left events in the aggregate's
 * outbox, the relay is nudged so they go out now rather than at its next poll. When every attempt lost its race the
 * caller is told to come back ({@link BusyException}, 503), not that the service failed.
 */
public class OptimisticWrites {

    private final OutboxRelay relay;
    private final int attempts;

    public OptimisticWrites(OutboxRelay relay, int attempts) {
        if (attempts < 1) {
            throw new IllegalArgumentException("attempts must be at least 1");
        }
        this.relay = relay;
        this.attempts = attempts;
    }

    /**
     * @param load   reads the aggregate as it is now
     * @param change applies the change to what {@code load} gave and returns what the caller wants back
     * @param save   writes it, failing with {@link OptimisticLockingFailureException} when another writer was first
     */
    public <A, R> R change(Supplier<A> load, Function<A, R> change, UnaryOperator<A> save) {
        for (int attempt = 1; ; attempt++) {
            A aggregate = load.get();
            R result = change.apply(aggregate);
            try {
                A saved = save.apply(aggregate);
                if (saved instanceof Outboxed outboxed && outboxed.hasPendingEvents()) {
                    relay.nudge(saved);
                }
                return result;
            } catch (OptimisticLockingFailureException lostRace) {
                if (attempt >= attempts) {
                    throw new BusyException("Many changes to the same record arrived at once; please try again.");
                }
                // A short random pause keeps writers that collided from colliding again at once.
                LockSupport.parkNanos(ThreadLocalRandom.current().nextLong(Math.min(attempt, 20) * 100_000L + 1));
            }
        }
    }
}
