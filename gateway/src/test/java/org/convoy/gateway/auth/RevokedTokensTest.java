package org.convoy.gateway.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import org.convoy.gateway.MovableClock;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

/**
 * The gateway keeps learning other instances' logouts even when the store answers slower than it asks, and knows for
 * how long the list it holds has not been read again.
 */
class RevokedTokensTest {

    @Test
    void theListIsTrustedForTheMaximumAgeAfterItsLastReadAndNotBeforeTheFirst() {
        MovableClock clock = new MovableClock(Instant.parse("2027-02-27T17:00:00Z"));
        AtomicBoolean storeAnswers = new AtomicBoolean(false);
        RevokedTokens tokens = new RevokedTokens(null, clock, Duration.ofMillis(20)) {
            @Override
            Mono<Void> refresh() {
                return storeAnswers.get() ? Mono.empty() : Mono.error(new IllegalStateException("store away"));
            }
        };
        tokens.start();
        try {
            assertThat(tokens.readWithin(Duration.ofMinutes(1))).as("never read").isFalse();
            storeAnswers.set(true);
            await().atMost(Duration.ofSeconds(10)).until(() -> tokens.readWithin(Duration.ofSeconds(60)));
            storeAnswers.set(false);
            clock.move(Duration.ofSeconds(60));
            assertThat(tokens.readWithin(Duration.ofSeconds(60))).as("read exactly the maximum age ago").isTrue();
            clock.move(Duration.ofSeconds(1));
            assertThat(tokens.readWithin(Duration.ofSeconds(60))).isFalse();
            storeAnswers.set(true);
            await().atMost(Duration.ofSeconds(10)).until(() -> tokens.readWithin(Duration.ofSeconds(60)));
        } finally {
            tokens.stop();
        }
    }

    @Test
    void aRefreshSlowerThanItsIntervalSkipsTicksAndKeepsRefreshing() {
        AtomicInteger refreshes = new AtomicInteger();
        RevokedTokens tokens = new RevokedTokens(null, Clock.systemUTC(), Duration.ofMillis(10)) {
            @Override
            Mono<Void> refresh() {
                refreshes.incrementAndGet();
                return Mono.delay(Duration.ofMillis(30)).then();
            }
        };
        tokens.start();
        try {
            // Ticks overflow within the first slow refresh; the refreshing must outlive many of them.
            await().atMost(Duration.ofSeconds(10)).until(() -> refreshes.get() >= 40);
            assertThat(tokens.isRunning()).isTrue();
        } finally {
            tokens.stop();
        }
    }
}
