package org.convoy.support.probe;

import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Properties;

import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * A member of a consumer group in a process of its own, for {@link GroupTakeoverIT} to kill outright: it joins the
 * group with the settings given as {@code key=value} arguments, polls until it is killed, and writes a line
 * {@code assigned <n>} to its output whenever its assignment changes.
 */
public final class GroupMemberProcess {

    private GroupMemberProcess() {
    }

    /** @param args the topic, then the consumer's settings as {@code key=value} */
    public static void main(String[] args) {
        Properties settings = new Properties();
        for (int i = 1; i < args.length; i++) {
            String[] setting = args[i].split("=", 2);
            settings.put(setting[0], setting[1]);
        }
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(settings, new ByteArrayDeserializer(),
                new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(args[0]), new ConsumerRebalanceListener() {
                @Override
                public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
                }

                @Override
                public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
                    announce(consumer.assignment().size());
                }

                @Override
                public void onPartitionsLost(Collection<TopicPartition> partitions) {
                    announce(consumer.assignment().size());
                }
            });
            while (true) {
                consumer.poll(Duration.ofMillis(200));
            }
        }
    }

    private static void announce(int partitions) {
        System.out.println("assigned " + partitions);
        System.out.flush();
    }
}
