package org.convoy.gateway.web;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Token buckets by key, in this gateway's memory: each key may spend {@code capacity} at once and regains one every
 * {@code refillEvery}. With several gateway instances each keeps its own buckets, so a client gets up to that many
 * times the limit; a shared store (such as Redis) is what several instances need instead.
 */
public final class TokenBuckets {

    private static final int MAX_TRACKED_KEYS = 100_000;

    private final int capacity;
    private final Duration refillEvery;
    private final Clock clock;
    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

    public TokenBuckets(int capacity, Duration refillEvery, Clock clock) {
        this.capacity = capacity;
        this.refillEvery = refillEvery;
        this.clock = clock;
    }

    /** Takes one token. @return 0 when a token was taken, else how many milliseconds until the next one */
    public long take(String key) {
        forgetAllWhenTooMany();
        long now = clock.millis();
        long[] wait = new long[1];
        buckets.compute(key, (k, old) -> {
            Bucket bucket = (old == null ? new Bucket(capacity, now) : old).refilled(now, capacity, refillEvery);
            if (bucket.tokens() >= 1) {
                return new Bucket(bucket.tokens() - 1, now);
            }
            wait[0] = millisUntilOne(bucket);
            return bucket;
        });
        return wait[0];
    }

    /** How long until a token is there, taking none. @return 0 when one is there now */
    public long waitFor(String key) {
        Bucket bucket = buckets.get(key);
        return bucket == null ? 0 : millisUntilOne(bucket.refilled(clock.millis(), capacity, refillEvery));
    }

    /** Fills the key's bucket again. */
    public void reset(String key) {
        buckets.remove(key);
    }

    private long millisUntilOne(Bucket bucket) {
        return bucket.tokens() >= 1 ? 0 : Math.max(1, (long) ((1 - bucket.tokens()) * refillEvery.toMillis()));
    }

    private void forgetAllWhenTooMany() {
        if (buckets.size() > MAX_TRACKED_KEYS) {
            buckets.clear();
        }
    }

    private record Bucket(double tokens, long at) {

        Bucket refilled(long now, int capacity, Duration every) {
            double added = Math.max(0, now - at) / (double) every.toMillis();
            return new Bucket(Math.min(capacity, tokens + added), now);
        }
    }
}
