package org.convoy.support.probe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.convoy.support.test.ServiceIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.cloud.stream.binder.kafka.support.ConsumerConfigCustomizer;
import org.springframework.context.annotation.Bean;

/**
 * A consumer group whose member dies without leaving (killed outright, as by {@code kill -9}) hands its partitions to
 * the members left within seconds, with the group settings the binder gives every binding's consumers
 * (convoy-service-defaults.yml): a member is declared dead once it has missed its session. Kafka's default session of
 * 45 s would fail this test's bound.
 */
@ServiceIntegrationTest
class GroupTakeoverIT {

    /** The settings that decide how a group notices a dead member, as the binder gives them to its consumers. */
    private static final List<String> GROUP_SETTINGS = List.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
            ConsumerConfig.GROUP_PROTOCOL_CONFIG, ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG,
            ConsumerConfig.HEARTBEAT_INTERVAL_MS_CONFIG, ConsumerConfig.MAX_POLL_INTERVAL_MS_CONFIG);

    private static final int PARTITIONS = 4;

    @TestConfiguration
    static class BoundConsumers {

        /** Each binding's consumer settings, as the binder made them. */
        static final Map<String, Map<String, Object>> SETTINGS = new ConcurrentHashMap<>();

        @Bean
        ConsumerConfigCustomizer boundConsumerSettings() {
            return (settings, binding, destination) -> SETTINGS.put(binding, Map.copyOf(settings));
        }
    }

    @Test
    void aMemberKilledWithoutLeavingHandsItsPartitionsToTheOtherWithinSeconds() throws Exception {
        Map<String, Object> settings = boundGroupSettings();
        String topic = "takeover-" + UUID.randomUUID();
        String group = "takeover-" + UUID.randomUUID();
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                settings.get(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG)))) {
            admin.createTopics(List.of(new NewTopic(topic, PARTITIONS, (short) 1))).all().get();
        }

        AtomicInteger killedHolds = new AtomicInteger();
        Process doomed = member(topic, group, settings, killedHolds);
        try (Survivor survivor = new Survivor(topic, group, settings)) {
            await("the first member holds every partition").atMost(Duration.ofSeconds(30))
                    .until(() -> killedHolds.get() == PARTITIONS);
            survivor.start();
            await("the two members share the partitions").atMost(Duration.ofSeconds(60))
                    .until(() -> survivor.holds() > 0 && survivor.holds() < PARTITIONS);

            doomed.destroyForcibly().waitFor();

            await("the member left takes every partition over").atMost(Duration.ofSeconds(30))
                    .until(() -> survivor.holds() == PARTITIONS);
        } finally {
            doomed.destroyForcibly();
        }
    }

    private static Map<String, Object> boundGroupSettings() {
        await().atMost(Duration.ofSeconds(30)).until(() -> BoundConsumers.SETTINGS.containsKey("delegateEvents-in-0"));
        Map<String, Object> bindingSettings = BoundConsumers.SETTINGS.get("delegateEvents-in-0");
        Map<String, Object> settings = new LinkedHashMap<>();
        GROUP_SETTINGS.stream().filter(bindingSettings::containsKey)
                .forEach(key -> settings.put(key, String.valueOf(bindingSettings.get(key))));
        assertThat(settings).containsKey(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG);
        return settings;
    }

    /** A member in a child JVM; {@code holds} follows how many partitions it says it has. */
    private static Process member(String topic, String group, Map<String, Object> settings, AtomicInteger holds)
            throws Exception {
        List<String> command = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElseThrow(), "-cp",
                System.getProperty("java.class.path"), "-Xshare:off", GroupMemberProcess.class.getName(), topic,
                ConsumerConfig.GROUP_ID_CONFIG + "=" + group));
        settings.forEach((key, value) -> command.add(key + "=" + value));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        Thread reader = new Thread(() -> {
            try (BufferedReader lines = new BufferedReader(
                    new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                lines.lines().filter(line -> line.startsWith("assigned "))
                        .forEach(line -> holds.set(Integer.parseInt(line.substring("assigned ".length()).trim())));
            } catch (IOException ended) {
                // the process was killed
            }
        }, "doomed-member-output");
        reader.setDaemon(true);
        reader.start();
        return process;
    }

    /** A member in this JVM, polling on a thread of its own. */
    private static final class Survivor implements AutoCloseable {

        private final KafkaConsumer<byte[], byte[]> consumer;
        private final String topic;
        private final Set<TopicPartition> held = ConcurrentHashMap.newKeySet();
        private final AtomicBoolean running = new AtomicBoolean(true);
        private Thread poller;

        Survivor(String topic, String group, Map<String, Object> settings) {
            Properties properties = new Properties();
            properties.putAll(settings);
            properties.put(ConsumerConfig.GROUP_ID_CONFIG, group);
            this.consumer = new KafkaConsumer<>(properties, new ByteArrayDeserializer(), new ByteArrayDeserializer());
            this.topic = topic;
        }

        void start() {
            poller = new Thread(() -> {
                consumer.subscribe(List.of(topic), new ConsumerRebalanceListener() {
                    @Override
                    public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
                        held.removeAll(partitions);
                    }

                    @Override
                    public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
                        held.addAll(partitions);
                    }

                    @Override
                    public void onPartitionsLost(Collection<TopicPartition> partitions) {
                        held.removeAll(partitions);
                    }
                });
                while (running.get()) {
                    consumer.poll(Duration.ofMillis(200));
                }
                consumer.close();
            }, "surviving-member");
            poller.start();
        }

        int holds() {
            return held.size();
        }

        @Override
        public void close() {
            running.set(false);
            if (poller == null) {
                consumer.close();
                return;
            }
            try {
                poller.join(10_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
