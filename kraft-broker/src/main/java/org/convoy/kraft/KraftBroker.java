package org.convoy.kraft;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import kafka.tools.StorageTool;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Time;

/**
 * A real single-node Apache Kafka broker in KRaft mode (broker and controller in one), running in this JVM from
 * Kafka's own jars, with its log under the data directory so topics and offsets survive a restart.
 */
public final class KraftBroker implements AutoCloseable {

    private final int port;
    private final int controllerPort;
    private final Path logDir;
    private KafkaRaftServer server;

    /**
     * @param dataDir the log goes to {@code dataDir/kafka}; a directory formatted before is reused as it is
     */
    public KraftBroker(int port, int controllerPort, Path dataDir) {
        this.port = port;
        this.controllerPort = controllerPort;
        this.logDir = dataDir.resolve("kafka");
    }

    public String bootstrapServers() {
        return "localhost:" + port;
    }

    public void start() {
        try {
            Files.createDirectories(logDir);
            Properties properties = properties();
            if (!Files.exists(logDir.resolve("meta.properties"))) {
                format(properties);
            }
            server = new KafkaRaftServer(KafkaConfig.fromProps(properties), Time.SYSTEM);
            server.startup();
        } catch (IOException | RuntimeException e) {
            throw new IllegalStateException("Kafka broker did not start on port " + port + ": " + e.getMessage(), e);
        }
    }

    private Properties properties() {
        Properties p = new Properties();
        p.put("process.roles", "broker,controller");
        p.put("node.id", "1");
        p.put("controller.quorum.bootstrap.servers", "localhost:" + controllerPort);
        p.put("listeners", "PLAINTEXT://localhost:" + port + ",CONTROLLER://localhost:" + controllerPort);
        p.put("advertised.listeners", "PLAINTEXT://localhost:" + port);
        p.put("controller.listener.names", "CONTROLLER");
        p.put("inter.broker.listener.name", "PLAINTEXT");
        p.put("listener.security.protocol.map", "CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT");
        p.put("log.dirs", logDir.toString());
        p.put("num.partitions", "3");
        p.put("auto.create.topics.enable", "true");
        p.put("group.initial.rebalance.delay.ms", "0");
        p.put("offsets.topic.replication.factor", "1");
        p.put("offsets.topic.num.partitions", "5");
        p.put("transaction.state.log.replication.factor", "1");
        p.put("transaction.state.log.min.isr", "1");
        p.put("share.coordinator.state.topic.replication.factor", "1");
        p.put("share.coordinator.state.topic.min.isr", "1");
        return p;
    }

    private void format(Properties properties) throws IOException {
        Path config = logDir.getParent().resolve("kafka-server.properties");
        try (OutputStream out = Files.newOutputStream(config)) {
            properties.store(out, "Written by the Convoy KRaft broker to format the Kafka log directory");
        }
        ByteArrayOutputStream output = new ByteArrayOutputStream();
        int exit = StorageTool.execute(new String[] { "format", "--standalone", "-t", Uuid.randomUuid().toString(),
                "-c", config.toString() }, new PrintStream(output, true, StandardCharsets.UTF_8));
        if (exit != 0) {
            throw new IllegalStateException("Formatting Kafka storage failed: " + output.toString(StandardCharsets.UTF_8));
        }
    }

    @Override
    public void close() {
        if (server != null) {
            server.shutdown();
            server.awaitShutdown();
            server = null;
        }
    }
}
