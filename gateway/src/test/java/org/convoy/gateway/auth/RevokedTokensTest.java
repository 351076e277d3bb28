package org.convoy.gateway.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

/** The gateway keeps learning other instances' logouts even when the store answers slower than it asks. */
class RevokedTokensTest {

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
