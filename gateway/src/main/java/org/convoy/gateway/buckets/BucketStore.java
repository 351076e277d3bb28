package org.convoy.gateway.buckets;

import java.time.Clock;
import java.time.Duration;

/**
 * Where the gateway keeps the token buckets of its limits: in this instance's memory, so that each instance counts on
 * its own, or in Redis ({@code convoy.gateway.shared-state.redis-url}), shared by every instance.
 */
public interface BucketStore {

    /**
     * The buckets of one limit.
     *
     * @param limit       the limit's name, in metrics and in the store's keys
     * @param capacity    tokens a key may spend at once
     * @param refillEvery a key regains one token after this long
     */
    Buckets buckets(String limit, int capacity, Duration refillEvery);

    /** Each limit counted in this instance's memory, as when no shared store is configured. */
    static BucketStore inMemory(Clock clock) {
        return (limit, capacity, refillEvery) -> new TokenBuckets(capacity, refillEvery, clock);
    }
}
