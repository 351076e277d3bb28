package org.convoy.support.system;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;

/**
 * Counts the records on a service's dead-letter topics from the broker's offsets: for each partition, its end offset
 * less its start offset. Those topics are written only by the services' dead-letter publishers (idempotent, not
 * transactional: no control records take offsets) and read by no consumer group, so the difference is the number of
 * dead letters the broker holds. It is the cluster's own figure, the same whichever instance asks, and it costs two
 * offset requests whatever the topics hold; no record is read. A record stays on its topic once replayed (Kafka does
 * not delete what was read), so the count falls only as the topic's retention drops old records (7 days by default).
 * A topic that does not exist yet has had no dead letter.
 *
 * <p>The topics are those of the service's bindings ({@code ConsumerErrorHandling#deadLetterTopics}); the broker is
 * reached with Boot's Kafka settings ({@code spring.kafka.*}, {@code KafkaAdmin}), as the dead-letter publishers reach
 * it. When the broker does not answer within {@link #TIMEOUT}, the count says so instead of failing the status.
 */
public class KafkaDeadLetterCounter implements DeadLetterCounter, DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(KafkaDeadLetterCounter.class);
    static final Duration TIMEOUT = Duration.ofSeconds(4);

    private final Supplier<List<String>> topics;
    private final Map<String, Object> adminSettings;
    private Admin admin;

    /**
     * @param topics        the dead-letter topics to count, asked at each count
     * @param adminSettings the admin client's settings (bootstrap servers, security), e.g.
     *                      {@code KafkaAdmin#getConfigurationProperties()}
     */
    public KafkaDeadLetterCounter(Supplier<List<String>> topics, Map<String, Object> adminSettings) {
        this.topics = topics;
        Map<String, Object> settings = new HashMap<>(adminSettings);
        settings.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) TIMEOUT.toMillis());
        settings.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) TIMEOUT.toMillis());
        this.adminSettings = Map.copyOf(settings);
    }

    @Override
    public DeadLetterCount count() {
        List<String> names = topics.get();
        if (names.isEmpty()) {
            return DeadLetterCount.counted(DeadLetterCount.KAFKA, 0, Map.of());
        }
        try {
            Map<String, Long> byTopic = new LinkedHashMap<>();
            names.forEach(topic -> byTopic.put(topic, 0L));
            List<TopicPartition> partitions = partitionsOf(names);
            if (!partitions.isEmpty()) {
                Map<TopicPartition, Long> starts = offsets(partitions, OffsetSpec.earliest());
                Map<TopicPartition, Long> ends = offsets(partitions, OffsetSpec.latest());
                partitions.forEach(partition -> byTopic.merge(partition.topic(),
                        Math.max(0, ends.get(partition) - starts.get(partition)), Long::sum));
            }
            return DeadLetterCount.counted(DeadLetterCount.KAFKA, byTopic.values().stream().mapToLong(Long::longValue).sum(),
                    byTopic);
        } catch (ExecutionException | TimeoutException | RuntimeException e) {
            log.atWarn().addKeyValue("topics", names).log("Could not count the dead letters: {}", e.toString());
            return DeadLetterCount.unavailable(DeadLetterCount.KAFKA, "The message broker did not answer.");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return DeadLetterCount.unavailable(DeadLetterCount.KAFKA, "Interrupted.");
        }
    }

    /** The partitions of the topics that exist. */
    private List<TopicPartition> partitionsOf(List<String> names)
            throws InterruptedException, ExecutionException, TimeoutException {
        List<TopicPartition> partitions = new ArrayList<>();
        for (Map.Entry<String, KafkaFuture<TopicDescription>> described : admin().describeTopics(names)
                .topicNameValues().entrySet()) {
            try {
                described.getValue().get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS).partitions()
                        .forEach(info -> partitions.add(new TopicPartition(described.getKey(), info.partition())));
            } catch (ExecutionException e) {
                if (!(e.getCause() instanceof UnknownTopicOrPartitionException)) {
                    throw e;
                }
                // Not created yet: nothing was ever dead-lettered there.
            }
        }
        return partitions;
    }

    private Map<TopicPartition, Long> offsets(List<TopicPartition> partitions, OffsetSpec spec)
            throws InterruptedException, ExecutionException, TimeoutException {
        Map<TopicPartition, OffsetSpec> asked = new LinkedHashMap<>();
        partitions.forEach(partition -> asked.put(partition, spec));
        Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> answers = admin().listOffsets(asked).all()
                .get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        Map<TopicPartition, Long> offsets = new HashMap<>();
        answers.forEach((partition, info) -> offsets.put(partition, info.offset()));
        return offsets;
    }

    /** One admin client for the life of the service, opened at the first count. */
    private synchronized Admin admin() {
        if (admin == null) {
            admin = Admin.create(adminSettings);
        }
        return admin;
    }

    @Override
    public synchronized void destroy() {
        if (admin != null) {
            admin.close(Duration.ofSeconds(2));
            admin = null;
        }
    }
}
