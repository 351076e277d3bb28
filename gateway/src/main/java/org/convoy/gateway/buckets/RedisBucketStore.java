package org.convoy.gateway.buckets;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import io.lettuce.core.ClientOptions;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisNoScriptException;
import io.lettuce.core.RedisURI;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.SocketOptions;
import io.lettuce.core.TimeoutOptions;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.reactive.RedisReactiveCommands;
import io.lettuce.core.codec.StringCodec;
import io.lettuce.core.metrics.CommandLatencyRecorder;
import io.lettuce.core.resource.ClientResources;
import io.lettuce.core.resource.Delay;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import reactor.core.publisher.Mono;

/**
 * The limits' buckets in Redis, so that every gateway instance configured with the same Redis counts in the same
 * buckets. Each bucket is one key, changed atomically by one Lua script ({@code token-bucket.lua}).
 *
 * <p>Redis being away never fails a request and never makes one wait longer than {@code timeout}: this instance
 * answers from its own buckets in memory, which it keeps counting all along (so an outage starts from what this
 * instance has seen, not from full buckets). It says so once per outage in the log, counts each such answer
 * ({@code convoy.gateway.shared-state.fallbacks{limit}}) and shows {@code convoy.gateway.shared-state.reachable} 0;
 * meanwhile one request a second tries Redis again, the others do not wait for it. When Redis answers again, shared
 * counting resumes, without a restart. The first connection is opened in the background at start-up; a Redis that is
 * away then does not hold the start-up back.
 */
public final class RedisBucketStore implements BucketStore, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(RedisBucketStore.class);
    private static final String KEY_PREFIX = "convoy:gateway:";
    /** While Redis is away, how often one request tries it again. */
    private static final Duration RETRY_EVERY = Duration.ofSeconds(1);
    /**
     * How long opening a connection may take. Requests never wait that long (they wait at most the timeout, then count
     * in memory); a connection opened in the background may take longer than one command, say in a cold JVM.
     */
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(2);

    private final RedisURI uri;
    private final ClientResources resources;
    private final RedisClient client;
    private final Duration timeout;
    private final Clock clock;
    private final MeterRegistry meters;
    private final String script = script();
    private final String scriptSha = sha1(script);

    private volatile CompletableFuture<StatefulRedisConnection<String, String>> connection;
    private final AtomicReference<Link> link = new AtomicReference<>(Link.CONNECTING);
    private final AtomicLong nextTryAt = new AtomicLong();

    /** How this instance stands with Redis. */
    private enum Link {
        /** The first connection is on its way: requests wait for it, at most the timeout. */
        CONNECTING,
        /** The limits count in Redis. */
        SHARED,
        /** Redis did not answer: the limits count in memory, and one request a second tries Redis again. */
        AWAY
    }

    public RedisBucketStore(String redisUrl, Duration timeout, Clock clock, MeterRegistry meters) {
        this.uri = RedisURI.create(redisUrl);
        this.uri.setTimeout(CONNECT_TIMEOUT);
        this.timeout = timeout;
        this.clock = clock;
        this.meters = meters;
        // Reconnects quickly after an outage (Lettuce's default backs off up to 30 s), and refuses commands at once
        // while disconnected instead of queueing them until the timeout.
        this.resources = ClientResources.builder()
                .reconnectDelay(Delay.exponential(Duration.ofMillis(50), RETRY_EVERY, 2, TimeUnit.MILLISECONDS))
                .commandLatencyRecorder(CommandLatencyRecorder.disabled())
                .build();
        this.client = RedisClient.create(resources);
        this.client.setOptions(ClientOptions.builder()
                .autoReconnect(true)
                .disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS)
                .socketOptions(SocketOptions.builder().connectTimeout(CONNECT_TIMEOUT).build())
                .timeoutOptions(TimeoutOptions.enabled(timeout))
                .build());
        Gauge.builder("convoy.gateway.shared-state.reachable", link, state -> state.get() == Link.SHARED ? 1 : 0)
                .description("1 while the limits count in Redis, 0 while this instance counts in its own memory")
                .register(meters);
        commands().subscribe(connected -> reachable(), this::unreachable);
    }

    @Override
    public Buckets buckets(String limit, int capacity, Duration refillEvery) {
        return new SharedBuckets(limit, capacity, refillEvery.toMillis(),
                new TokenBuckets(capacity, refillEvery, clock));
    }

    /** Closes the connection too. */
    @Override
    public void close() {
        client.shutdown(Duration.ZERO, Duration.ofSeconds(2));
        resources.shutdown(0, 2, TimeUnit.SECONDS);
    }

    private final class SharedBuckets implements Buckets {

        private final String limit;
        private final String capacity;
        private final String everyMillis;
        private final TokenBuckets own;
        private final Counter fallbacks;

        SharedBuckets(String limit, int capacity, long everyMillis, TokenBuckets own) {
            this.limit = limit;
            this.capacity = String.valueOf(capacity);
            this.everyMillis = String.valueOf(everyMillis);
            this.own = own;
            this.fallbacks = Counter.builder("convoy.gateway.shared-state.fallbacks").tag("limit", limit)
                    .description("Limit decisions taken from this instance's memory because Redis was away")
                    .register(meters);
        }

        @Override
        public Mono<Long> take(String key) {
            return own.take(key).flatMap(ownWait -> sharedOr(bucket(key, "1").map(Standing::waitMillis), ownWait));
        }

        @Override
        public Mono<Standing> look(String key) {
            return own.look(key).flatMap(ownStanding -> sharedOr(bucket(key, "0"), ownStanding));
        }

        @Override
        public Mono<Void> reset(String key) {
            return own.reset(key).then(sharedOr(Mono.defer(() -> commands()
                    .flatMap(redis -> redis.del(key(key)))), 0L)).then();
        }

        private Mono<Standing> bucket(String key, String take) {
            return Mono.defer(() -> commands().flatMap(redis -> run(redis, key(key), take)));
        }

        private Mono<Standing> run(RedisReactiveCommands<String, String> redis, String key, String take) {
            String[] keys = { key };
            return redis.<List<Long>>evalsha(scriptSha, ScriptOutputType.MULTI, keys, capacity, everyMillis, take)
                    .onErrorResume(RedisNoScriptException.class, notLoaded -> redis.<List<Long>>eval(script,
                            ScriptOutputType.MULTI, keys, capacity, everyMillis, take))
                    .next()
                    .map(RedisBucketStore::standing);
        }

        private String key(String key) {
            return KEY_PREFIX + limit + ":" + key;
        }

        /** Redis's answer within the timeout, else this instance's own, which is also the answer while Redis is away. */
        private <T> Mono<T> sharedOr(Mono<T> shared, T own) {
            if (!mayTryRedis()) {
                fallbacks.increment();
                return Mono.just(own);
            }
            return shared.timeout(timeout)
                    .doOnNext(answer -> reachable())
                    .onErrorResume(failure -> {
                        unreachable(failure);
                        fallbacks.increment();
                        return Mono.just(own);
                    });
        }
    }

    private static Buckets.Standing standing(List<Long> answer) {
        return new Buckets.Standing(answer.get(0), answer.get(1).intValue());
    }

    /**
     * The connection, opened without blocking, and opened again when the first try failed; once open, Lettuce
     * reconnects it by itself after an outage.
     */
    private Mono<RedisReactiveCommands<String, String>> commands() {
        CompletableFuture<StatefulRedisConnection<String, String>> current = connection;
        if (current == null || current.isCompletedExceptionally()) {
            current = openedIfNeeded();
        }
        return Mono.fromFuture(current, true).map(StatefulRedisConnection::reactive);
    }

    private synchronized CompletableFuture<StatefulRedisConnection<String, String>> openedIfNeeded() {
        if (connection == null || connection.isCompletedExceptionally()) {
            connection = client.connectAsync(StringCodec.UTF8, uri).toCompletableFuture();
        }
        return connection;
    }

    /** Always while Redis answers; while it is away, for one request a second. */
    private boolean mayTryRedis() {
        if (link.get() != Link.AWAY) {
            return true;
        }
        long now = clock.millis();
        long at = nextTryAt.get();
        return now >= at && nextTryAt.compareAndSet(at, now + RETRY_EVERY.toMillis());
    }

    private void unreachable(Throwable failure) {
        nextTryAt.set(clock.millis() + RETRY_EVERY.toMillis());
        if (link.getAndSet(Link.AWAY) != Link.AWAY) {
            log.atWarn().addKeyValue("redis", where()).addKeyValue("cause", String.valueOf(failure))
                    .log("Redis is away: the limits count in this instance's memory until it answers again");
        }
    }

    private void reachable() {
        Link before = link.getAndSet(Link.SHARED);
        if (before == Link.CONNECTING) {
            log.atInfo().addKeyValue("redis", where()).log("The limits count in Redis, shared by every gateway");
        } else if (before == Link.AWAY) {
            log.atInfo().addKeyValue("redis", where()).log("Redis answers again: the limits count there again");
        }
    }

    /** Host and port, never the password. */
    private String where() {
        return uri.getHost() + ":" + uri.getPort();
    }

    private static String script() {
        try (InputStream in = RedisBucketStore.class.getResourceAsStream("token-bucket.lua")) {
            if (in == null) {
                throw new IllegalStateException("token-bucket.lua is missing from the gateway");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String sha1(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
