package org.convoy.support.instances;

import java.time.Duration;

import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * @param leaseFor how long an instance's lease on a timed job lasts after its last renewal (it renews every third of
 *                 it): when the holder dies, another instance runs the job from its first pass due after this
 */
@Validated
@ConfigurationProperties("convoy.jobs")
public record TimedJobProperties(@NotNull @DefaultValue("6s") Duration leaseFor) {

    public TimedJobProperties {
        if (leaseFor != null && leaseFor.compareTo(Duration.ofMillis(100)) < 0) {
            throw new IllegalArgumentException("convoy.jobs.lease-for must be at least 100ms, not " + leaseFor);
        }
    }
}
