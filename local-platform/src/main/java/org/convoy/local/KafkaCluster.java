package org.convoy.local;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.convoy.kraft.KraftBroker;

/**
 * A Kafka cluster on this machine: each broker (also a controller of the quorum) its own process, its log under
 * {@code dataDir/kafka-<node>}, all formatted with the cluster id kept in the data directory.
 */
final class KafkaCluster implements AutoCloseable {

    private final List<BrokerProcess> brokers = new ArrayList<>();

    /** Broker {@code i + 1} on {@code ports.get(i)}, its controller on {@code controllerPorts.get(i)}. */
    KafkaCluster(List<Integer> ports, List<Integer> controllerPorts, Path dataDir, Console console) {
        String voters = KraftBroker.voters(controllerPorts);
        String clusterId = KraftBroker.clusterId(dataDir);
        String classPath = System.getProperty("java.class.path");
        for (int i = 0; i < ports.size(); i++) {
            brokers.add(new BrokerProcess(i + 1, ports.get(i), controllerPorts.get(i), voters, clusterId, dataDir,
                    classPath, console));
        }
    }

    static KafkaCluster of(PlatformConfig config, Console console) {
        List<Integer> ports = new ArrayList<>();
        List<Integer> controllerPorts = new ArrayList<>();
        for (int node = 1; node <= config.kafkaBrokers(); node++) {
            ports.add(config.kafkaPort(node));
            controllerPorts.add(config.kafkaControllerPort(node));
        }
        return new KafkaCluster(ports, controllerPorts, config.dataDir(), console);
    }

    /** Starts every broker and returns once the cluster reports all of them; throws if one ends or time runs out. */
    void start(Duration timeout) {
        brokers.forEach(BrokerProcess::start);
        awaitAllBrokers(timeout);
    }

    /** Returns once the cluster's metadata lists every broker. */
    void awaitAllBrokers(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers(),
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 3000, AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG,
                3000))) {
            while (true) {
                for (BrokerProcess broker : brokers) {
                    if (!broker.isAlive()) {
                        throw new PlatformException(broker.name() + " exited with code " + broker.exitCode()
                                + " while starting; its last lines above say why.");
                    }
                }
                try {
                    if (admin.describeCluster().nodes().get(3, TimeUnit.SECONDS).size() == brokers.size()) {
                        return;
                    }
                } catch (ExecutionException | TimeoutException e) {
                    // not answering yet
                }
                if (System.nanoTime() > deadline) {
                    throw new PlatformException("The Kafka cluster did not report all " + brokers.size()
                            + " brokers within " + timeout.toSeconds() + " s");
                }
                Thread.sleep(250);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PlatformException("Interrupted while waiting for the Kafka cluster", e);
        }
    }

    /** Every broker's address, so a client finds the cluster whichever brokers are up. */
    String bootstrapServers() {
        return String.join(",", brokers.stream().map(BrokerProcess::address).toList());
    }

    List<BrokerProcess> brokers() {
        return List.copyOf(brokers);
    }

    /** Stops every broker at once (each a controlled shutdown), killing those still running after the grace period. */
    @Override
    public void close() {
        CompletableFuture.allOf(brokers.stream()
                .map(broker -> CompletableFuture.runAsync(() -> broker.stop(Duration.ofSeconds(15))))
                .toArray(CompletableFuture[]::new)).join();
    }
}
