package org.convoy.local;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.Node;
import org.apache.kafka.common.TopicPartitionInfo;
import org.convoy.events.Topics;

/** The processes of the platform the fault suite may kill, by kind. */
final class Victims {

    private Victims() {
    }

    static final String BROKER = "kafka-broker";

    /** The kinds of broker process to kill: none when the broker runs inside the launcher. */
    static List<String> brokerKinds(Platform platform) {
        return platform.brokers().size() > 1 ? List.of(BROKER) : List.of();
    }

    static List<Faults.Victim> of(Platform platform, String kind) {
        if (BROKER.equals(kind)) {
            return platform.brokers().stream().map(broker -> (Faults.Victim) new BrokerVictim(broker, platform)).toList();
        }
        return platform.services().stream().filter(service -> service.kind().equals(kind))
                .map(service -> (Faults.Victim) new ServiceVictim(service)).toList();
    }

    /**
     * Which instance to kill on this turn: each in turn; of the brokers, the one leading most partitions of the
     * busiest topic (the delegates' stream).
     */
    static Faults.Victim choose(Platform platform, String kind, List<Faults.Victim> instances, int turn) {
        if (BROKER.equals(kind)) {
            Map<Integer, Long> led = leaders(platform);
            return instances.stream().max(Comparator.comparingLong(victim -> led.getOrDefault(
                    ((BrokerVictim) victim).broker().nodeId(), 0L))).orElseThrow();
        }
        return instances.get(turn % instances.size());
    }

    private static Map<Integer, Long> leaders(Platform platform) {
        try (Admin admin = admin(platform)) {
            return admin.describeTopics(List.of(Topics.DELEGATES)).allTopicNames().get().values()
                    .stream().flatMap(topic -> topic.partitions().stream()).map(TopicPartitionInfo::leader)
                    .filter(leader -> leader != null).collect(Collectors.groupingBy(Node::id, Collectors.counting()));
        } catch (Exception e) {
            return Map.of();
        }
    }

    private static Admin admin(Platform platform) {
        return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, platform.kafkaBootstrapServers(),
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 5000, AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 10000));
    }

    /** A broker is back when the cluster lists it again and it is in sync for every partition of the busiest topic. */
    private record BrokerVictim(BrokerProcess broker, Platform platform) implements Faults.Victim {

        @Override
        public String name() {
            return broker.name();
        }

        @Override
        public String kind() {
            return BROKER;
        }

        @Override
        public boolean isAlive() {
            return broker.isAlive();
        }

        @Override
        public boolean isReady() {
            try (Admin admin = admin(platform)) {
                return admin.describeTopics(List.of(Topics.DELEGATES)).allTopicNames().get().values()
                        .stream().flatMap(topic -> topic.partitions().stream())
                        .allMatch(partition -> partition.isr().stream().map(Node::id).toList().contains(broker.nodeId()));
            } catch (Exception e) {
                return false;
            }
        }

        @Override
        public void kill() {
            broker.kill();
        }

        @Override
        public void start() {
            broker.start();
        }
    }

    private record ServiceVictim(ServiceProcess service) implements Faults.Victim {

        @Override
        public String name() {
            return service.name();
        }

        @Override
        public String kind() {
            return service.kind();
        }

        @Override
        public boolean isAlive() {
            return service.isAlive();
        }

        @Override
        public boolean isReady() {
            return service.isReady();
        }

        @Override
        public void kill() {
            service.kill();
        }

        @Override
        public void start() {
            service.start();
        }
    }
}
