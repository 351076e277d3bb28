package org.convoy.notification.notice;

import java.time.Duration;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How notices whose channel is down are tried again: after {@code firstDelay}, then twice as long each time up to
 * {@code maxDelay}, at most {@code maxAttempts} times in all (with the defaults, 11 retries over about 75 minutes).
 *
 * @param staleAfter a notice still PENDING this long after it was claimed is taken as abandoned by a stopped sender
 */
@Validated
@ConfigurationProperties("convoy.notification.retry")
public record RetryProperties(
        @NotNull @DefaultValue("30s") Duration firstDelay,
        @NotNull @DefaultValue("10m") Duration maxDelay,
        @Min(1) @DefaultValue("12") int maxAttempts,
        @NotNull @DefaultValue("2m") Duration staleAfter) {

    Duration delayAfter(int attempts) {
        long factor = 1L << Math.min(attempts - 1, 20);
        Duration delay = firstDelay.multipliedBy(factor);
        return delay.compareTo(maxDelay) > 0 ? maxDelay : delay;
    }
}
