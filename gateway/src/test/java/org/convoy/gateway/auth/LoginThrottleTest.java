package org.convoy.gateway.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;

/** Failed logins spend tries per user name and per address; a success gives the user name its tries back. */
class LoginThrottleTest {

    private final Clock clock = Clock.fixed(Instant.parse("2023-02-27T16:00:00Z"), ZoneOffset.UTC);
    private final LoginThrottle throttle = new LoginThrottle(
            new AuthProperties.LoginThrottle(2, 3, Duration.ofMinutes(1)), clock);

    @Test
    void aUserNameIsHeldBackAfterItsFailures() {
        throttle.failed("ana", "203.0.113.7");
        assertThat(throttle.waitBefore("ana", "203.0.113.7")).isZero();
        throttle.failed("ana", "198.51.100.9");

        assertThat(throttle.waitBefore("ana", "192.0.2.1")).isEqualTo(60_000);
        assertThat(throttle.waitBefore("bea", "203.0.113.7")).isZero();
    }

    @Test
    void anAddressTryingManyUserNamesIsHeldBackForAllOfThem() {
        throttle.failed("ana", "203.0.113.7");
        throttle.failed("bea", "203.0.113.7");
        throttle.failed("carla", "203.0.113.7");

        assertThat(throttle.waitBefore("dora", "203.0.113.7")).isPositive();
        assertThat(throttle.waitBefore("dora", "198.51.100.9")).isZero();
    }

    @Test
    void aSuccessfulLoginGivesTheUserNameItsTriesBack() {
        throttle.failed("ana", "203.0.113.7");
        throttle.failed("ana", "203.0.113.8");
        throttle.succeeded("ana");

        assertThat(throttle.waitBefore("ana", "192.0.2.1")).isZero();
    }
}
