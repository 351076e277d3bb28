package org.convoy.gateway.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;

import org.convoy.gateway.MovableClock;
import org.junit.jupiter.api.Test;

/** The token bucket itself, on a clock the test moves. */
class PublicRateLimitTest {

    private final MovableClock clock = new MovableClock(Instant.parse("2023-02-27T16:00:00Z"));

    private final PublicRateLimit limit = new PublicRateLimit(
            new GatewayProperties.RateLimit(3, Duration.ofSeconds(6), false), clock);

    @Test
    void aClientMayBurstUpToTheCapacityThenWaitsForTheNextToken() {
        assertThat(limit.take("203.0.113.7").block()).isZero();
        assertThat(limit.take("203.0.113.7").block()).isZero();
        assertThat(limit.take("203.0.113.7").block()).isZero();

        assertThat(limit.take("203.0.113.7").block()).isEqualTo(6000);

        clock.move(Duration.ofSeconds(4));
        assertThat(limit.take("203.0.113.7").block()).isEqualTo(2000);
        clock.move(Duration.ofSeconds(2));
        assertThat(limit.take("203.0.113.7").block()).isZero();
    }

    @Test
    void eachClientHasItsOwnBucket() {
        for (int i = 0; i < 3; i++) {
            limit.take("203.0.113.7").block();
        }

        assertThat(limit.take("203.0.113.7").block()).isPositive();
        assertThat(limit.take("198.51.100.20").block()).isZero();
    }

    @Test
    void aQuietClientNeverHoldsMoreThanTheCapacity() {
        clock.move(Duration.ofHours(5));
        for (int i = 0; i < 3; i++) {
            assertThat(limit.take("192.0.2.1").block()).isZero();
        }
        assertThat(limit.take("192.0.2.1").block()).isPositive();
    }
}
