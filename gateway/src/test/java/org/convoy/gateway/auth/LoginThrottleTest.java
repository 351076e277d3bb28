package org.convoy.gateway.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;

/**
 * Guessing is refused per (user, address) and per address, and only slowed per user, so nobody can lock the real user
 * out by guessing from elsewhere.
 */
class LoginThrottleTest {

    private final Clock clock = Clock.fixed(Instant.parse("2023-02-27T16:00:00Z"), ZoneOffset.UTC);
    private final LoginThrottle throttle = new LoginThrottle(new AuthProperties.LoginThrottle(2, 5, 3,
            Duration.ofMinutes(1), Duration.ofMillis(500), Duration.ofSeconds(5)), clock);

    @Test
    void anAddressGuessingOneUsersPasswordIsRefusedForThatUserOnly() {
        throttle.failed("ana", "203.0.113.7").block();
        assertThat(throttle.before("ana", "203.0.113.7").block().refuseForMillis()).isZero();
        throttle.failed("ana", "203.0.113.7").block();

        assertThat(throttle.before("ana", "203.0.113.7").block().refuseForMillis()).isEqualTo(60_000);
        assertThat(throttle.before("bea", "203.0.113.7").block().refuseForMillis()).isZero();
        assertThat(throttle.before("ana", "198.51.100.9").block().refuseForMillis()).isZero();
    }

    @Test
    void anAddressTryingManyUserNamesIsRefusedForAllOfThem() {
        for (String user : new String[] { "ana", "bea", "carla", "dora", "eva" }) {
            throttle.failed(user, "203.0.113.7").block();
        }

        assertThat(throttle.before("fany", "203.0.113.7").block().refuseForMillis()).isPositive();
        assertThat(throttle.before("fany", "198.51.100.9").block().refuseForMillis()).isZero();
    }

    @Test
    void guessesFromManyAddressesSlowAUsersLoginsMoreAndMoreButNeverRefuseThem() {
        for (int i = 0; i < 3; i++) {
            throttle.failed("admin", "198.51.100." + i).block();
        }
        assertThat(throttle.before("admin", "192.0.2.1").block()).isEqualTo(new LoginThrottle.Decision(0, 500));

        throttle.failed("admin", "198.51.100.10").block();
        assertThat(throttle.before("admin", "192.0.2.1").block()).isEqualTo(new LoginThrottle.Decision(0, 1_000));
        for (int i = 11; i < 30; i++) {
            throttle.failed("admin", "198.51.100." + i).block();
        }
        assertThat(throttle.before("admin", "192.0.2.1").block()).as("held at most the longest delay, never refused")
                .isEqualTo(new LoginThrottle.Decision(0, 5_000));
    }

    @Test
    void aSuccessfulLoginGivesTheUserItsTriesBack() {
        throttle.failed("ana", "203.0.113.7").block();
        throttle.failed("ana", "203.0.113.8").block();
        throttle.failed("ana", "203.0.113.9").block();
        throttle.succeeded("ana", "203.0.113.7").block();

        assertThat(throttle.before("ana", "192.0.2.1").block()).isEqualTo(new LoginThrottle.Decision(0, 0));
    }
}
