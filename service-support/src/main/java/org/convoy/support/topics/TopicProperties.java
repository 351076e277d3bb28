package org.convoy.support.topics;

import jakarta.validation.constraints.Min;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How the platform's event topics are laid out on the cluster ({@link TopicLayout}).
 *
 * @param partitions         partitions of each event topic: the most consumer instances of one service that share its
 *                           work (a key, so one delegate's or one meeting's events, stays on one partition)
 * @param replicationFactor  copies of each partition; 1 on a single broker (the local platform), 3 on a cluster
 * @param minInsyncReplicas  copies that must have an event before the broker acknowledges it; with 3 copies, 2
 * @param keysSegment        how long a segment of the compacted key stream stays open (a destroyed key leaves the
 *                           broker when its segment is compacted), in milliseconds
 */
@Validated
@ConfigurationProperties("convoy.topics")
public record TopicProperties(
        @Min(1) @DefaultValue("12") int partitions,
        @Min(1) @DefaultValue("1") short replicationFactor,
        @Min(1) @DefaultValue("1") int minInsyncReplicas,
        @Min(1000) @DefaultValue("3600000") long keysSegment) {
}
