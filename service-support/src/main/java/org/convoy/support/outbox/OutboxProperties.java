package org.convoy.support.outbox;

import java.time.Duration;
import java.util.List;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * @param collections   the collections whose documents carry an {@code outbox} field to relay
 * @param pollInterval  how often the relay looks through every document for pending entries (saved aggregates are
 *                      published at once, see {@link OutboxRelay#nudge(Object)})
 * @param batchSize     how many documents one pass reads; a full pass is followed by another at once
 * @param senders       how many aggregates' events are published side by side, each aggregate's in order and each
 *                      event acknowledged before the aggregate's next (the {@link EventSender} must be safe to call
 *                      from several threads, as the StreamBridge one is)
 * @param retryBackoff  how long the relay waits after the broker failed before trying again
 * @param claimFor      how long an instance's claim on an aggregate it is publishing lasts: an instance that stops
 *                      without giving its claims up (killed) holds those aggregates this long, then the next full pass
 *                      of another instance takes them over; a relay stops publishing an aggregate when a fifth of its
 *                      claim is left, so it should be well above the time a pass takes
 */
@Validated
@ConfigurationProperties("convoy.outbox")
public record OutboxProperties(
        @DefaultValue List<String> collections,
        @NotNull @DefaultValue("1s") Duration pollInterval,
        @Min(1) @DefaultValue("500") int batchSize,
        @NotNull @DefaultValue("2s") Duration retryBackoff,
        @Min(1) @DefaultValue("4") int senders,
        @NotNull @DefaultValue("5s") Duration claimFor) {

    public OutboxProperties {
        if (claimFor != null && claimFor.compareTo(Duration.ofMillis(100)) < 0) {
            throw new IllegalArgumentException("convoy.outbox.claim-for must be at least 100ms, not " + claimFor);
        }
    }
}
