package org.convoy.gateway.buckets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Clock;
import java.time.Duration;
import java.util.UUID;
import java.util.function.Supplier;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.convoy.gateway.TestRedis;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;

/**
 * The buckets in a real Redis, as two gateway instances see them: one count for both; and, while Redis is away, each
 * instance's own count at once, until Redis is back.
 */
@EnabledIf(value = "org.convoy.gateway.TestRedis#installed", disabledReason = "no redis-server here")
class RedisBucketStoreTest {

    private static final Duration AN_HOUR = Duration.ofHours(1);

    static TestRedis redis;
    static MeterRegistry metersA;
    static MeterRegistry metersB;
    static RedisBucketStore storeA;
    static RedisBucketStore storeB;

    @BeforeAll
    static void twoInstancesOnOneRedis() {
        redis = TestRedis.start();
        metersA = new SimpleMeterRegistry();
        metersB = new SimpleMeterRegistry();
        storeA = new RedisBucketStore(redis.url(), Duration.ofMillis(200), Clock.systemUTC(), metersA);
        storeB = new RedisBucketStore(redis.url(), Duration.ofMillis(200), Clock.systemUTC(), metersB);
        await().atMost(Duration.ofSeconds(10)).until(() -> sharing(storeA, metersA) && sharing(storeB, metersB));
    }

    @AfterEach
    void redisRunsAndBothShare() {
        redis.startUnlessRunning();
        await().atMost(Duration.ofSeconds(10)).until(() -> sharing(storeA, metersA) && sharing(storeB, metersB));
    }

    @AfterAll
    static void stop() {
        if (storeA != null) {
            storeA.close();
            storeB.close();
        }
        if (redis != null) {
            redis.close();
        }
    }

    @Test
    void twoInstancesSpendFromTheSameBucket() {
        String limit = uniqueLimit();
        Buckets onA = storeA.buckets(limit, 3, AN_HOUR);
        Buckets onB = storeB.buckets(limit, 3, AN_HOUR);

        assertThat(onA.take("203.0.113.7").block()).isZero();
        assertThat(onA.take("203.0.113.7").block()).isZero();
        assertThat(onB.take("203.0.113.7").block()).isZero();

        assertThat(onB.take("203.0.113.7").block()).as("the fourth, on the other instance")
                .isBetween(AN_HOUR.toMillis() - 5_000, AN_HOUR.toMillis());
        assertThat(onA.take("203.0.113.7").block()).isPositive();
        assertThat(onB.take("198.51.100.20").block()).as("another key has its own bucket").isZero();
    }

    @Test
    void lookingTakesNothingAndTellsHowManyTakesWereRefusedSinceTheBucketRanDry() {
        String limit = uniqueLimit();
        Buckets onA = storeA.buckets(limit, 2, AN_HOUR);
        Buckets onB = storeB.buckets(limit, 2, AN_HOUR);

        assertThat(onB.look("ana").block()).isEqualTo(new Buckets.Standing(0, 0));
        onA.take("ana").block();
        onA.take("ana").block();
        assertThat(onB.look("ana").block().refused()).isZero();
        onA.take("ana").block();
        onA.take("ana").block();

        Buckets.Standing standing = onB.look("ana").block();
        assertThat(standing.waitMillis()).isBetween(AN_HOUR.toMillis() - 5_000, AN_HOUR.toMillis());
        assertThat(standing.refused()).isEqualTo(2);

        onB.reset("ana").block();
        assertThat(onA.look("ana").block()).isEqualTo(new Buckets.Standing(0, 0));
        assertThat(onA.take("ana").block()).isZero();
    }

    @Test
    void aSpentTokenComesBackAfterTheRefillInterval() {
        String limit = uniqueLimit();
        Buckets onA = storeA.buckets(limit, 1, Duration.ofMillis(300));
        Buckets onB = storeB.buckets(limit, 1, Duration.ofMillis(300));

        assertThat(onA.take("bea").block()).isZero();
        assertThat(onB.take("bea").block()).isBetween(1L, 300L);

        await().atMost(Duration.ofSeconds(5)).until(() -> onB.look("bea").block().waitMillis() == 0);
        assertThat(onB.take("bea").block()).isZero();
    }

    @Test
    void whileRedisIsAwayEachInstanceCountsOnItsOwnAtOnceAndSharesAgainOnceRedisIsBack() {
        String limit = uniqueLimit();
        Buckets onA = storeA.buckets(limit, 3, AN_HOUR);
        Buckets onB = storeB.buckets(limit, 3, AN_HOUR);
        onA.take("carla").block();
        onA.take("carla").block();

        redis.kill();

        assertThat(quickly(() -> onA.take("carla").block())).as("A's third, counted in A's memory").isZero();
        assertThat(quickly(() -> onA.take("carla").block())).as("A's fourth: A still limits what it sees")
                .isPositive();
        assertThat(quickly(() -> onB.take("carla").block())).as("B counts on its own while Redis is away").isZero();
        assertThat(quickly(() -> onB.look("dora").block())).isEqualTo(new Buckets.Standing(0, 0));
        quickly(() -> onB.reset("dora").block());
        assertThat(metersA.get("convoy.gateway.shared-state.fallbacks").tag("limit", limit).counter().count())
                .isEqualTo(2);
        assertThat(reachable(metersA)).isZero();

        redis.restart();

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            String key = "eva-" + UUID.randomUUID();
            onA.take(key).block();
            onA.take(key).block();
            onA.take(key).block();
            assertThat(onB.take(key).block()).as("B sees what A spent").isPositive();
        });
        assertThat(reachable(metersA)).isEqualTo(1);
        assertThat(reachable(metersB)).isEqualTo(1);
    }

    @Test
    void aRedisThatHangsCostsARequestAtMostTheTimeoutAndThenOneRequestASecond() {
        String limit = uniqueLimit();
        Buckets onA = storeA.buckets(limit, 2, AN_HOUR);
        onA.take("fany").block();

        redis.pause();
        try {
            long start = System.nanoTime();
            assertThat(onA.take("fany").block()).as("A's second, from A's memory").isZero();
            assertThat(Duration.ofNanos(System.nanoTime() - start)).as("the timeout, and a little")
                    .isBetween(Duration.ofMillis(150), Duration.ofMillis(500));
            assertThat(quickly(() -> onA.take("fany").block())).isPositive();
            for (int i = 0; i < 20; i++) {
                long each = System.nanoTime();
                onA.look("fany").block();
                assertThat(Duration.ofNanos(System.nanoTime() - each)).as("no wait for a hung Redis in between tries")
                        .isLessThan(Duration.ofMillis(50));
            }
        } finally {
            redis.resume();
        }

        await().atMost(Duration.ofSeconds(10)).until(() -> sharing(storeA, metersA));
    }

    @Test
    void aGatewayStartedBeforeItsRedisCountsInMemoryUntilRedisIsThere() {
        TestRedis later = TestRedis.notStarted();
        MeterRegistry meters = new SimpleMeterRegistry();
        try (RedisBucketStore store = new RedisBucketStore(later.url(), Duration.ofMillis(200), Clock.systemUTC(),
                meters)) {
            Buckets buckets = store.buckets(uniqueLimit(), 1, AN_HOUR);

            assertThat(quickly(() -> buckets.take("gina").block())).isZero();
            assertThat(quickly(() -> buckets.take("gina").block())).as("its own memory still limits").isPositive();
            assertThat(reachable(meters)).isZero();

            later.restart();

            await().atMost(Duration.ofSeconds(10)).until(() -> sharing(store, meters));
            assertThat(buckets.take("hana").block()).isZero();
            assertThat(buckets.take("hana").block()).isPositive();
        } finally {
            later.close();
        }
    }

    /** What the call answers, after checking it answered well within a second. */
    private static <T> T quickly(Supplier<T> call) {
        long start = System.nanoTime();
        T answer = call.get();
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMillis(500));
        return answer;
    }

    /** Whether the store counts in Redis, after a look, which tries Redis when it was away. */
    private static boolean sharing(RedisBucketStore store, MeterRegistry meters) {
        store.buckets("test-warm-up", 1, AN_HOUR).look("any").block();
        return reachable(meters) == 1;
    }

    private static double reachable(MeterRegistry meters) {
        return meters.get("convoy.gateway.shared-state.reachable").gauge().value();
    }

    private static String uniqueLimit() {
        return "test-" + UUID.randomUUID();
    }
}
