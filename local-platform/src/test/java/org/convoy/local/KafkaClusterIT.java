package org.convoy.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.Node;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.TopicPartitionInfo;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The launcher's three-broker cluster, each broker its own process: a record acknowledged by all in-sync copies
 * survives its partition's leader being killed outright, the producer goes on without a failed send, and the killed
 * broker, started again on its data, catches up and is back in sync.
 */
class KafkaClusterIT {

    private static final int PARTITIONS = 3;

    @TempDir
    Path dataDir;

    @Test
    void everyAcknowledgedRecordIsReadOnceAfterTheLeaderIsKilledAndTheBrokerRejoinsTheIsr() throws Exception {
        String topic = "cluster-" + UUID.randomUUID();
        List<Integer> ports = List.of(Ports.anyFree(), Ports.anyFree(), Ports.anyFree());
        List<Integer> controllerPorts = List.of(Ports.anyFree(), Ports.anyFree(), Ports.anyFree());
        Console console = new Console(System.out, false);
        try (KafkaCluster cluster = new KafkaCluster(ports, controllerPorts, dataDir, console)) {
            long began = System.nanoTime();
            cluster.start(Duration.ofSeconds(60));
            console.say("3 brokers up in " + millis(began) + " ms");
            try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, cluster.bootstrapServers()));
                    KafkaProducer<String, String> producer = producer(cluster.bootstrapServers())) {
                admin.createTopics(List.of(new NewTopic(topic, PARTITIONS, (short) 3)
                        .configs(Map.of(TopicConfig.MIN_IN_SYNC_REPLICAS_CONFIG, "2")))).all().get(30, TimeUnit.SECONDS);
                await().atMost(Duration.ofSeconds(20))
                        .until(() -> partitions(admin, topic).stream().allMatch(p -> p.isr().size() == 3));

                List<String> acknowledged = new ArrayList<>();
                sendAll(producer, topic, 0, 60, acknowledged);
                int leader = partitions(admin, topic).get(0).leader().id();
                BrokerProcess killed = cluster.brokers().get(leader - 1);
                assertThat(killed.nodeId()).isEqualTo(leader);
                long pid = killed.pid();

                killed.kill();
                long killedAt = System.nanoTime();

                assertThat(killed.isAlive()).isFalse();
                assertThat(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)).isFalse();
                sendAll(producer, topic, 60, 120, acknowledged);
                console.say("Leader " + leader + " killed; 60 sends acknowledged " + millis(killedAt) + " ms later");
                assertThat(partitions(admin, topic).get(0).leader().id()).isNotEqualTo(leader);
                assertThat(readAll(cluster.bootstrapServers(), topic, acknowledged.size()))
                        .containsExactlyInAnyOrderElementsOf(acknowledged);

                killed.start();
                long restartedAt = System.nanoTime();

                assertThat(killed.pid()).isNotEqualTo(pid);
                await().atMost(Duration.ofSeconds(60)).until(() -> partitions(admin, topic).stream()
                        .allMatch(p -> p.isr().stream().map(Node::id).toList().contains(leader)));
                console.say("Broker " + leader + " back in every ISR " + millis(restartedAt) + " ms after its restart");
            }
        }
    }

    private static long millis(long since) {
        return (System.nanoTime() - since) / 1_000_000;
    }

    /** Sends records {@code from} to {@code to}, each acknowledged before the next is sent: a failed send fails here. */
    private static void sendAll(KafkaProducer<String, String> producer, String topic, int from, int to,
            List<String> acknowledged) throws Exception {
        for (int i = from; i < to; i++) {
            String value = "record-" + i;
            producer.send(new ProducerRecord<>(topic, "key-" + i, value)).get(60, TimeUnit.SECONDS);
            acknowledged.add(value);
        }
    }

    private static List<TopicPartitionInfo> partitions(Admin admin, String topic) throws Exception {
        TopicDescription description = admin.describeTopics(List.of(topic)).allTopicNames().get(10, TimeUnit.SECONDS)
                .get(topic);
        return description.partitions();
    }

    private static List<String> readAll(String bootstrapServers, String topic, int expected) {
        List<String> read = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false), new StringDeserializer(), new StringDeserializer())) {
            List<TopicPartition> partitions = new ArrayList<>();
            for (int partition = 0; partition < PARTITIONS; partition++) {
                partitions.add(new TopicPartition(topic, partition));
            }
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                consumer.poll(Duration.ofMillis(200)).forEach(record -> read.add(record.value()));
                return read.size() >= expected;
            });
            // anything more than was acknowledged would be a duplicate or a record nobody sent
            consumer.poll(Duration.ofMillis(500)).forEach(record -> read.add(record.value()));
        }
        return read;
    }

    private static KafkaProducer<String, String> producer(String bootstrapServers) {
        return new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 60_000), new StringSerializer(), new StringSerializer());
    }
}
