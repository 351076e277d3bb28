package org.convoy.support.inbox;

import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListOffsetsResult.ListOffsetsResultInfo;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.cloud.stream.binding.BindingService;
import org.springframework.cloud.stream.config.BindingServiceProperties;
import org.springframework.context.SmartLifecycle;
import org.springframework.util.StringUtils;

/**
 * How far behind its topics each consumer group of this service is: {@code convoy.consumer.lag{group,topic}}, the
 * records on the topic that the group has not yet committed, summed over the topic's partitions (a partition's end
 * offset minus the group's committed offset; where the group has committed nothing yet, minus the partition's first
 * offset, where a group starts reading). Kafka's own {@code records-lag-max} is per consumer client and partition, and
 * gone while a consumer is stopped; this one is what the broker knows of the group, whoever is consuming.
 *
 * <p>The groups and topics are those of the service's own consumer bindings (each binding's group and destination, an
 * anonymous binding left out), read again at each count, so a binding added or stopped later is seen. The counts are
 * taken every {@code convoy.inbox.lag-every} (15 s) on a thread of their own, never on a scrape, with one admin client
 * on Boot's Kafka admin settings pointed at the binder's brokers. While the broker cannot be asked, the gauges keep
 * their last count.
 *
 * <p>The lag is the group's, measured at the broker: every instance of a service reports the same number for its
 * group and topic, so dashboards and alerts take {@code max by (group, topic)}, never a sum.
 */
public class ConsumerLag implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(ConsumerLag.class);
    /** An admin call gives up after this long, well within the time between counts. */
    static final Duration ADMIN_TIMEOUT = Duration.ofSeconds(5);

    private final Map<String, Object> adminSettings;
    private final Supplier<Map<String, Set<String>>> reads;
    private final MeterRegistry meters;
    private final Duration every;
    private final Map<GroupTopic, AtomicLong> lags = new ConcurrentHashMap<>();
    private ScheduledExecutorService executor;
    private Admin admin;

    /**
     * @param adminSettings the Kafka admin client's settings, brokers included
     * @param reads         the topics each consumer group of the service reads, asked again at each count
     */
    public ConsumerLag(Map<String, Object> adminSettings, Supplier<Map<String, Set<String>>> reads,
            MeterRegistry meters, Duration every) {
        this.adminSettings = new HashMap<>(adminSettings);
        this.adminSettings.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) ADMIN_TIMEOUT.toMillis());
        this.adminSettings.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) ADMIN_TIMEOUT.toMillis());
        this.reads = reads;
        this.meters = meters;
        this.every = every;
    }

    /** The topics each group of the service's consumer bindings reads (a destination may list several). */
    public static Map<String, Set<String>> readsOf(BindingService bindings) {
        BindingServiceProperties properties = bindings.getBindingServiceProperties();
        Map<String, Set<String>> reads = new TreeMap<>();
        for (String binding : bindings.getConsumerBindingNames()) {
            String group = properties.getGroup(binding);
            String destination = properties.getBindingDestination(binding);
            if (StringUtils.hasText(group) && StringUtils.hasText(destination)) {
                reads.computeIfAbsent(group, g -> new HashSet<>())
                        .addAll(StringUtils.commaDelimitedListToSet(destination.replace(" ", "")));
            }
        }
        return reads;
    }

    /**
     * Records behind per topic: for each partition, its end offset minus the group's committed offset, or minus the
     * partition's first offset where the group has committed nothing; never below 0.
     *
     * @param ends      every partition of the topics, with its end offset
     * @param committed the group's committed offsets (partitions it has not committed on are absent)
     * @param starts    the partitions' first offsets
     */
    static Map<String, Long> behind(Map<TopicPartition, Long> ends, Map<TopicPartition, Long> committed,
            Map<TopicPartition, Long> starts) {
        Map<String, Long> behind = new TreeMap<>();
        ends.forEach((partition, end) -> {
            long from = committed.getOrDefault(partition, starts.getOrDefault(partition, 0L));
            behind.merge(partition.topic(), Math.max(0, end - from), Long::sum);
        });
        return behind;
    }

    /** Counts the lag of every group and topic the service reads, and sets the gauges. */
    void measure() throws ExecutionException, InterruptedException, TimeoutException {
        Map<String, Set<String>> groups = reads.get();
        Set<String> topics = groups.values().stream().flatMap(Collection::stream).collect(Collectors.toSet());
        if (topics.isEmpty()) {
            return;
        }
        Set<TopicPartition> partitions = new HashSet<>();
        for (Map.Entry<String, KafkaFuture<TopicDescription>> topic : admin.describeTopics(topics).topicNameValues()
                .entrySet()) {
            try {
                await(topic.getValue()).partitions().forEach(partition -> partitions.add(new TopicPartition(
                        topic.getKey(), partition.partition())));
            } catch (ExecutionException e) {
                // Not created yet (a binding creates its topic when it first uses it): the others are still counted.
                log.atDebug().addKeyValue("topic", topic.getKey()).log("No consumer lag for a topic: {}",
                        e.getCause().toString());
            }
        }
        Map<TopicPartition, Long> ends = offsets(partitions, OffsetSpec.latest());
        Map<TopicPartition, Long> starts = offsets(partitions, OffsetSpec.earliest());
        for (Map.Entry<String, Set<String>> group : groups.entrySet()) {
            Map<TopicPartition, Long> committed = new HashMap<>();
            await(admin.listConsumerGroupOffsets(group.getKey()).partitionsToOffsetAndMetadata())
                    .forEach((partition, offset) -> {
                        if (offset != null) {
                            committed.put(partition, offset.offset());
                        }
                    });
            Map<TopicPartition, Long> read = ends.entrySet().stream()
                    .filter(end -> group.getValue().contains(end.getKey().topic()))
                    .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
            behind(read, committed, starts).forEach((topic, lag) -> gauge(group.getKey(), topic).set(lag));
        }
    }

    private Map<TopicPartition, Long> offsets(Set<TopicPartition> partitions, OffsetSpec spec)
            throws ExecutionException, InterruptedException, TimeoutException {
        Map<TopicPartition, OffsetSpec> asked = partitions.stream()
                .collect(Collectors.toMap(Function.identity(), partition -> spec));
        Map<TopicPartition, ListOffsetsResultInfo> found = await(admin.listOffsets(asked).all());
        Map<TopicPartition, Long> offsets = new HashMap<>();
        found.forEach((partition, info) -> offsets.put(partition, info.offset()));
        return offsets;
    }

    private static <T> T await(KafkaFuture<T> future) throws ExecutionException, InterruptedException,
            TimeoutException {
        return future.get(ADMIN_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
    }

    private AtomicLong gauge(String group, String topic) {
        return lags.computeIfAbsent(new GroupTopic(group, topic), key -> {
            AtomicLong lag = new AtomicLong();
            Gauge.builder("convoy.consumer.lag", lag, AtomicLong::get).tag("group", group).tag("topic", topic)
                    .description("Records on the topic the consumer group has not committed yet, as the broker "
                            + "counts them (the same on every instance: use max by (group, topic))")
                    .register(meters);
            return lag;
        });
    }

    private void safeMeasure() {
        try {
            measure();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException | RuntimeException e) {
            // The broker is away or slow: the gauges keep their last count; readiness says the broker is down.
            log.debug("Could not count the consumer lag: {}", e.toString());
        }
    }

    @Override
    public void start() {
        admin = Admin.create(adminSettings);
        executor = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "consumer-lag");
            thread.setDaemon(true);
            return thread;
        });
        executor.scheduleWithFixedDelay(this::safeMeasure, 0, every.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public void stop() {
        if (executor != null) {
            executor.shutdownNow();
            try {
                executor.awaitTermination(ADMIN_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            executor = null;
            admin.close(Duration.ofSeconds(1));
            admin = null;
        }
    }

    @Override
    public boolean isRunning() {
        return executor != null;
    }

    /** Counts once the bindings have started, and stops counting before they stop. */
    @Override
    public int getPhase() {
        return Integer.MAX_VALUE - 100;
    }

    private record GroupTopic(String group, String topic) {
    }
}
