package org.convoy.kraft;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import kafka.tools.StorageTool;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Time;

/**
 * A real Apache Kafka broker in KRaft mode (broker and controller in one), running in this JVM from Kafka's own
 * jars, with its log under the data directory so topics and offsets survive a restart. Either a single node, or one
 * node of a cluster whose controllers form a static quorum ({@code controller.quorum.voters}).
 */
public final class KraftBroker implements AutoCloseable {

    /** The file, in the data directory, that keeps the id every node of a cluster is formatted with. */
    static final String CLUSTER_ID_FILE = "kafka-cluster.id";

    private final int nodeId;
    private final int port;
    private final int controllerPort;
    /** {@code 1@localhost:9093,2@localhost:9193,…}; null for a single node. */
    private final String voters;
    private final String clusterId;
    private final Path logDir;
    private final Path formatConfig;
    private KafkaRaftServer server;

    /**
     * A single node.
     *
     * @param dataDir the log goes to {@code dataDir/kafka}; a directory formatted before is reused as it is
     */
    public KraftBroker(int port, int controllerPort, Path dataDir) {
        this(1, port, controllerPort, null, Uuid.randomUuid().toString(), dataDir.resolve("kafka"),
                dataDir.resolve("kafka-server.properties"));
    }

    private KraftBroker(int nodeId, int port, int controllerPort, String voters, String clusterId, Path logDir,
            Path formatConfig) {
        this.nodeId = nodeId;
        this.port = port;
        this.controllerPort = controllerPort;
        this.voters = voters;
        this.clusterId = clusterId;
        this.logDir = logDir;
        this.formatConfig = formatConfig;
    }

    /**
     * One node of a cluster. Every node is given the same voters and cluster id; the id only matters the first time,
     * when the node's log directory is formatted with it.
     *
     * @param voters every node's controller, {@code id@host:port}, comma-separated (see {@link #voters})
     * @param dataDir the log goes to {@code dataDir/kafka-<nodeId>}; a directory formatted before is reused as it is
     */
    public static KraftBroker clusterNode(int nodeId, int port, int controllerPort, String voters, String clusterId,
            Path dataDir) {
        if (voters.split(",").length < 3) {
            throw new IllegalArgumentException("A cluster needs at least three controllers, not " + voters);
        }
        return new KraftBroker(nodeId, port, controllerPort, voters, clusterId, dataDir.resolve("kafka-" + nodeId),
                dataDir.resolve("kafka-" + nodeId + "-server.properties"));
    }

    /** The static quorum of nodes 1, 2, 3… whose controllers listen on these ports of this machine. */
    public static String voters(List<Integer> controllerPorts) {
        List<String> voters = new ArrayList<>();
        for (int i = 0; i < controllerPorts.size(); i++) {
            voters.add((i + 1) + "@localhost:" + controllerPorts.get(i));
        }
        return String.join(",", voters);
    }

    /**
     * The id a cluster's nodes are formatted with: the one kept in the data directory, else a new one, kept there, so
     * a node whose log directory was lost joins its cluster again instead of starting one of its own.
     */
    public static String clusterId(Path dataDir) {
        Path file = dataDir.resolve(CLUSTER_ID_FILE);
        try {
            if (Files.exists(file)) {
                return Files.readString(file).trim();
            }
            String id = Uuid.randomUuid().toString();
            Files.createDirectories(dataDir);
            Files.writeString(file, id + "\n");
            return id;
        } catch (IOException e) {
            throw new IllegalStateException("Cannot keep the Kafka cluster id in " + file + ": " + e.getMessage(), e);
        }
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
        p.put("node.id", String.valueOf(nodeId));
        if (voters == null) {
            p.put("controller.quorum.bootstrap.servers", "localhost:" + controllerPort);
        } else {
            p.put("controller.quorum.voters", voters);
        }
        p.put("listeners", "PLAINTEXT://localhost:" + port + ",CONTROLLER://localhost:" + controllerPort);
        p.put("advertised.listeners", "PLAINTEXT://localhost:" + port);
        p.put("controller.listener.names", "CONTROLLER");
        p.put("inter.broker.listener.name", "PLAINTEXT");
        p.put("listener.security.protocol.map", "CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT");
        p.put("log.dirs", logDir.toString());
        p.put("num.partitions", "3");
        p.put("auto.create.topics.enable", "true");
        p.put("group.initial.rebalance.delay.ms", "0");
        p.put("offsets.topic.num.partitions", "5");
        // On a cluster every record is kept by three brokers and acknowledged once two have it, so one broker can
        // be lost without losing or refusing anything; a replica that fell behind never becomes leader.
        String copies = voters == null ? "1" : "3";
        String inSync = voters == null ? "1" : "2";
        p.put("offsets.topic.replication.factor", copies);
        p.put("transaction.state.log.replication.factor", copies);
        p.put("transaction.state.log.min.isr", inSync);
        p.put("share.coordinator.state.topic.replication.factor", copies);
        p.put("share.coordinator.state.topic.min.isr", inSync);
        if (voters != null) {
            p.put("default.replication.factor", copies);
            p.put("min.insync.replicas", inSync);
            p.put("unclean.leader.election.enable", "false");
        }
        return p;
    }

    /**
     * Formats the log directory. A single node bootstraps a dynamic quorum of itself ({@code --standalone}); a
     * cluster node's quorum is the static {@code controller.quorum.voters}, which formatting reads from the config.
     */
    private void format(Properties properties) throws IOException {
        try (OutputStream out = Files.newOutputStream(formatConfig)) {
            properties.store(out, "Written by the Convoy KRaft broker to format the Kafka log directory");
        }
        List<String> args = new ArrayList<>(List.of("format", "-t", clusterId, "-c", formatConfig.toString()));
        if (voters == null) {
            args.add(1, "--standalone");
        }
        ByteArrayOutputStream output = new ByteArrayOutputStream();
        int exit = StorageTool.execute(args.toArray(String[]::new), new PrintStream(output, true, StandardCharsets.UTF_8));
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
