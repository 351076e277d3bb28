package org.convoy.gateway.buckets;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import reactor.core.publisher.Mono;

/**
 * Token buckets by key, in this gateway's memory: each key may spend {@code capacity} at once and regains one every
 * {@code refillEvery}. With several gateway instances each keeps its own buckets, so a client gets up to that many
 * times the limit; {@link RedisBucketStore} shares them instead, and keeps these as its fallback.
 */
public final class TokenBuckets implements Buckets {

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

    @Override
    public Mono<Long> take(String key) {
        return Mono.fromSupplier(() -> takeNow(key));
    }

    @Override
    public Mono<Standing> look(String key) {
        return Mono.fromSupplier(() -> lookNow(key));
    }

    @Override
    public Mono<Void> reset(String key) {
        return Mono.fromRunnable(() -> buckets.remove(key));
    }

    long takeNow(String key) {
        forgetAllWhenTooMany();
        long now = clock.millis();
        long[] wait = new long[1];
        buckets.compute(key, (k, old) -> {
            Bucket bucket = (old == null ? new Bucket(capacity, now, 0) : old).refilled(now, capacity, refillEvery);
            if (bucket.tokens() >= 1) {
                return new Bucket(bucket.tokens() - 1, now, 0);
            }
            wait[0] = millisUntilOne(bucket);
            return new Bucket(bucket.tokens(), now, bucket.refused() + 1);
        });
        return wait[0];
    }

    Standing lookNow(String key) {
        Bucket bucket = buckets.get(key);
        if (bucket == null) {
            return Standing.FULL;
        }
        Bucket now = bucket.refilled(clock.millis(), capacity, refillEvery);
        return new Standing(millisUntilOne(now), now.refused());
    }

    private long millisUntilOne(Bucket bucket) {
        return bucket.tokens() >= 1 ? 0 : Math.max(1, (long) ((1 - bucket.tokens()) * refillEvery.toMillis()));
    }

    private void forgetAllWhenTooMany() {
        if (buckets.size() > MAX_TRACKED_KEYS) {
            buckets.clear();
        }
    }

    /** @param refused takes refused since the bucket last had a token */
    private record Bucket(double tokens, long at, int refused) {

        Bucket refilled(long now, int capacity, Duration every) {
            double added = Math.max(0, now - at) / (double) every.toMillis();
            double tokens = Math.min(capacity, this.tokens + added);
            return new Bucket(tokens, now, tokens >= 1 ? 0 : refused);
        }
    }
}
