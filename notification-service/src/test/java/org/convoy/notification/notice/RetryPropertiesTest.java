package org.convoy.notification.notice;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;

class RetryPropertiesTest {

    private final RetryProperties retry = new RetryProperties(Duration.ofSeconds(30), Duration.ofMinutes(10), 12,
            Duration.ofMinutes(2));

    @Test
    void theDelayDoublesAfterEachFailedAttemptUpToTheMaximum() {
        assertThat(retry.delayAfter(1)).isEqualTo(Duration.ofSeconds(30));
        assertThat(retry.delayAfter(2)).isEqualTo(Duration.ofMinutes(1));
        assertThat(retry.delayAfter(3)).isEqualTo(Duration.ofMinutes(2));
        assertThat(retry.delayAfter(5)).isEqualTo(Duration.ofMinutes(8));
        assertThat(retry.delayAfter(6)).isEqualTo(Duration.ofMinutes(10));
        assertThat(retry.delayAfter(40)).isEqualTo(Duration.ofMinutes(10));
    }

    @Test
    void theDefaultsKeepTryingForOverAnHour() {
        Duration total = Duration.ZERO;
        for (int attempt = 1; attempt < retry.maxAttempts(); attempt++) {
            total = total.plus(retry.delayAfter(attempt));
        }
        assertThat(total).isEqualTo(Duration.ofSeconds(30 + 60 + 120 + 240 + 480 + 6 * 600));
    }
}
