package org.convoy.support.test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;

/** Reads what really is on a topic, as an outside consumer with its own group would. */
public final class EventProbe implements AutoCloseable {

    /** The longest {@link #records()} keeps polling to catch up with the topic. */
    static final Duration CATCH_UP = Duration.ofSeconds(5);

    private final Consumer<String, byte[]> consumer;
    private final List<ConsumerRecord<String, byte[]>> seen = new ArrayList<>();

    public EventProbe(String bootstrapServers, String topic) {
        Map<String, Object> props = new java.util.HashMap<>();
        props.put("bootstrap.servers", bootstrapServers);
        props.put("group.id", "probe-" + UUID.randomUUID());
        props.put("enable.auto.commit", false);
        props.put("auto.offset.reset", "earliest");
        consumer = new DefaultKafkaConsumerFactory<>(props, new StringDeserializer(), new ByteArrayDeserializer())
                .createConsumer();
        consumer.subscribe(List.of(topic));
    }

    /**
     * Every record on the topic until now: it polls until it has read up to the end of each partition (a new probe
     * first joins its group and reads what was published before it), for at most {@link #CATCH_UP}. A count taken
     * before a call therefore includes everything published earlier, not only what one poll happened to bring.
     */
    public List<ConsumerRecord<String, byte[]>> records() {
        long deadline = System.nanoTime() + CATCH_UP.toNanos();
        do {
            consumer.poll(Duration.ofMillis(200)).forEach(seen::add);
        } while (!caughtUp() && System.nanoTime() < deadline);
        return List.copyOf(seen);
    }

    private boolean caughtUp() {
        Set<TopicPartition> assigned = consumer.assignment();
        if (assigned.isEmpty()) {
            return false;
        }
        Map<TopicPartition, Long> ends = consumer.endOffsets(assigned, Duration.ofSeconds(2));
        for (TopicPartition partition : assigned) {
            if (consumer.position(partition, Duration.ofSeconds(2)) < ends.getOrDefault(partition, 0L)) {
                return false;
            }
        }
        return true;
    }

    public List<ConsumerRecord<String, byte[]>> recordsWithKey(String key) {
        return records().stream().filter(record -> key.equals(record.key())).toList();
    }

    public static String header(ConsumerRecord<?, ?> record, String name) {
        var header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), java.nio.charset.StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        consumer.close();
    }
}
