package org.convoy.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * docker-compose.yml as docker-compose itself reads it (it validates without a Docker engine): a plain
 * {@code docker compose up} runs the default stack as before, and the profile {@code cluster} adds three Kafka
 * brokers, a MongoDB replica set of three and two instances of each service behind their own gateway. Skipped where
 * docker-compose is not installed.
 */
class ComposeFileTest {

    private static final Path HOME = Path.of("").toAbsolutePath().getParent();
    private static final List<String> DEFAULT_STACK = List.of("kafka", "mongo", "mailpit", "redis",
            "registration-service", "scheduling-service", "notification-service", "gateway", "prometheus", "grafana",
            "zipkin");
    private static final List<String> CLUSTER = List.of("kafka-1", "kafka-2", "kafka-3", "mongo-1", "mongo-2",
            "mongo-3", "registration-service-1", "registration-service-2", "scheduling-service-1",
            "scheduling-service-2", "notification-service-1", "notification-service-2", "cluster-gateway",
            "cluster-prometheus");
    private static final List<String> CLUSTER_SERVICES = List.of("registration-service-1", "registration-service-2",
            "scheduling-service-1", "scheduling-service-2", "notification-service-1", "notification-service-2");

    private static Path dockerCompose;

    @BeforeAll
    static void findDockerCompose() {
        Optional<Path> found = Arrays.stream(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator))
                .map(dir -> Path.of(dir, "docker-compose")).filter(Files::isExecutable).findFirst();
        assumeTrue(found.isPresent(), "docker-compose is not installed");
        dockerCompose = found.get();
    }

    @Test
    void theFileIsValid() throws Exception {
        assertThat(compose("config", "-q")).isEmpty();
    }

    @Test
    void aPlainUpRunsTheDefaultStackOnly() throws Exception {
        Map<String, Map<String, Object>> services = resolvedServices();

        assertThat(services.entrySet().stream().filter(service -> !service.getValue().containsKey("profiles"))
                .map(Map.Entry::getKey)).containsExactlyInAnyOrderElementsOf(DEFAULT_STACK);
        assertThat(environment(services.get("registration-service"))).containsEntry("KAFKA_BOOTSTRAP_SERVERS", "kafka:9092")
                .doesNotContainKey("KAFKA_REPLICATION_FACTOR");
    }

    @Test
    void theClusterProfileRunsThreeBrokersAReplicaSetAndTwoInstancesOfEachService() throws Exception {
        List<String> names = compose("--profile", "cluster", "config", "--services").lines().toList();
        Map<String, Map<String, Object>> services = resolvedServices();

        assertThat(names).containsAll(CLUSTER);
        assertThat(CLUSTER).allSatisfy(name -> assertThat(services.get(name)).containsEntry("profiles", List.of("cluster")));
        assertThat(CLUSTER_SERVICES).allSatisfy(name -> assertThat(environment(services.get(name)))
                .containsEntry("KAFKA_BOOTSTRAP_SERVERS", "kafka-1:9092,kafka-2:9092,kafka-3:9092")
                .containsEntry("KAFKA_REPLICATION_FACTOR", "3").containsEntry("KAFKA_MIN_INSYNC_REPLICAS", "2")
                .hasEntrySatisfying("MONGODB_URI", uri -> assertThat(uri)
                        .startsWith("mongodb://mongo-1:27017,mongo-2:27017,mongo-3:27017/").endsWith("?replicaSet=rs0")));
        assertThat(environment(services.get("kafka-2"))).containsEntry("KAFKA_NODE_ID", "2")
                .containsEntry("KAFKA_CONTROLLER_QUORUM_VOTERS", "1@kafka-1:9093,2@kafka-2:9093,3@kafka-3:9093")
                .containsEntry("KAFKA_DEFAULT_REPLICATION_FACTOR", "3").containsEntry("KAFKA_MIN_INSYNC_REPLICAS", "2")
                .containsEntry("KAFKA_UNCLEAN_LEADER_ELECTION_ENABLE", "false");
        assertThat(environment(services.get("cluster-gateway")))
                .containsEntry("REGISTRATION_SERVICE_URI", "http://registration-service-1:8081,http://registration-service-2:8081")
                .containsEntry("SCHEDULING_SERVICE_URI", "http://scheduling-service-1:8082,http://scheduling-service-2:8082")
                .containsEntry("NOTIFICATION_SERVICE_URI",
                        "http://notification-service-1:8083,http://notification-service-2:8083");
        assertThat(services.get("mongo-1").get("healthcheck").toString())
                .contains("mongo-1:27017", "mongo-2:27017", "mongo-3:27017");
    }

    @Test
    void prometheusAndGrafanaRunWithTheOpsFilesAndEveryServiceLogsJson() throws Exception {
        Map<String, Map<String, Object>> services = resolvedServices();

        assertThat(services.get("prometheus").get("command").toString()).contains("/etc/prometheus/prometheus.yml");
        assertThat(services.get("cluster-prometheus").get("command").toString())
                .contains("/etc/prometheus/prometheus-cluster.yml");
        assertThat(services.get("cluster-prometheus").get("networks").toString()).contains("aliases=[prometheus]");
        assertThat(List.of("prometheus", "cluster-prometheus")).allSatisfy(name -> assertThat(
                services.get(name).get("volumes").toString()).contains(HOME.resolve("ops/prometheus").toString()));
        assertThat(services.get("grafana").get("volumes").toString())
                .contains(HOME.resolve("ops/grafana/provisioning").toString(),
                        HOME.resolve("ops/grafana/dashboards").toString());
        assertThat(List.of("registration-service", "scheduling-service", "notification-service", "gateway",
                "registration-service-1", "notification-service-2", "cluster-gateway"))
                .allSatisfy(name -> assertThat(environment(services.get(name))).containsEntry("LOG_FORMAT", "ecs"));
    }

    @Test
    void zipkinRunsAndEveryServiceAndGatewayOfBothStacksSendsItTheirSpans() throws Exception {
        Map<String, Map<String, Object>> services = resolvedServices();

        assertThat(services.get("zipkin")).doesNotContainKey("profiles");
        assertThat(services.get("zipkin").get("image").toString()).startsWith("openzipkin/zipkin:");
        assertThat(services.get("zipkin").get("ports").toString()).contains("9411");
        List<String> senders = new ArrayList<>(List.of("registration-service", "scheduling-service",
                "notification-service", "gateway", "cluster-gateway"));
        senders.addAll(CLUSTER_SERVICES);
        assertThat(senders).allSatisfy(name -> assertThat(environment(services.get(name)))
                .as(name).containsEntry("ZIPKIN_ENDPOINT", "http://zipkin:9411/api/v2/spans"));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Map<String, Object>> resolvedServices() throws Exception {
        Map<String, Object> config = new Yaml().load(compose("config"));
        return (Map<String, Map<String, Object>>) config.get("services");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, String> environment(Map<String, Object> service) {
        return (Map<String, String>) service.get("environment");
    }

    /** Runs docker-compose on the checkout's file; returns what it printed, failing on a non-zero exit. */
    private static String compose(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(dockerCompose.toString(), "-f",
                HOME.resolve("docker-compose.yml").toString()));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).directory(HOME.toFile()).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as("docker-compose %s: %s", String.join(" ", args), output).isZero();
        return output;
    }
}
