package org.convoy.local;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;

import org.convoy.kraft.KraftBroker;

/**
 * The whole platform on one machine: infrastructure in this JVM (Kafka broker, MongoDB-wire store, SMTP server
 * with its mail page) and the four services as their own processes. With {@code --kafka-brokers=3} the Kafka brokers
 * are a cluster of their own processes instead; with {@code --zipkin}, Zipkin's server runs as one more process and
 * every service and gateway sends it their spans.
 */
final class Platform implements AutoCloseable {

    private final PlatformConfig config;
    private final Console console;
    private final List<ServiceProcess> services = new ArrayList<>();
    private MongoStore mongo;
    private KraftBroker kafka;
    private KafkaCluster kafkaCluster;
    private MailCatcher mail;
    private ZipkinProcess zipkin;
    private volatile boolean closing;
    /** Whether this run wrote the pid file: a start that failed before it must leave an earlier run's in place. */
    private boolean pidFileWritten;

    private final Map<String, String> extraEnvironment;

    Platform(PlatformConfig config, Console console) {
        this(config, console, Map.of());
    }

    /** @param extraEnvironment settings given to every service on top of the platform's own */
    Platform(PlatformConfig config, Console console, Map<String, String> extraEnvironment) {
        this.config = config;
        this.console = console;
        this.extraEnvironment = Map.copyOf(extraEnvironment);
    }

    /** Starts everything and returns once every service is ready; on any failure stops what started and throws. */
    void start(Duration timeout) {
        long began = System.nanoTime();
        try {
            checkPrerequisites();
            // Before the port check, as they hold the ports; and before --reset deletes the file that names them.
            stopLeftovers();
            Ports.requireFree(config.portsToOpen());
            prepareDataDir();
            if (config.zipkin()) {
                // Its JVM starts while the infrastructure does; the services wait for it, so no early span is lost.
                console.say("Starting Zipkin on port " + config.port(PlatformConfig.ZIPKIN) + " ("
                        + shown(config.zipkinJar()) + ")");
                zipkin = new ZipkinProcess(config.zipkinJar(), config.port(PlatformConfig.ZIPKIN),
                        PlatformConfig.SERVICES.size() + config.kafkaBrokers(), console);
                zipkin.start();
            }

            if (config.externalMongo() == null) {
                console.say("Starting MongoDB-wire store on port " + config.port(PlatformConfig.MONGO) + " (data in "
                        + config.home().relativize(config.dataDir().resolve("mongo")) + ")");
                mongo = new MongoStore(config.port(PlatformConfig.MONGO), config.dataDir());
                mongo.start();
            } else {
                console.say("Using MongoDB at " + config.externalMongo());
            }
            if (config.kafkaCluster()) {
                kafkaCluster = KafkaCluster.of(config, console);
                console.say("Starting a Kafka cluster (KRaft) of " + config.kafkaBrokers()
                        + " brokers, each its own process, on " + kafkaCluster.bootstrapServers());
                kafkaCluster.start(Duration.ofSeconds(90));
                console.say("Kafka cluster up: " + String.join(", ", kafkaCluster.brokers().stream()
                        .map(broker -> broker.name() + " (pid " + broker.pid() + ")").toList()));
            } else if (config.externalKafka() == null) {
                console.say("Starting Kafka broker (KRaft) on port " + config.port(PlatformConfig.KAFKA));
                kafka = new KraftBroker(config.port(PlatformConfig.KAFKA), config.port(PlatformConfig.KAFKA_CONTROLLER),
                        config.dataDir());
                try {
                    kafka.start();
                } catch (IllegalStateException e) {
                    throw new PlatformException(e.getMessage(), e);
                }
            } else {
                console.say("Using Kafka at " + config.externalKafka());
            }
            console.say("Starting SMTP server on port " + config.port(PlatformConfig.SMTP) + ", mail page on port "
                    + config.port(PlatformConfig.MAIL_PAGE));
            mail = new MailCatcher(config.port(PlatformConfig.SMTP), config.port(PlatformConfig.MAIL_PAGE));
            mail.start();
            if (zipkin != null) {
                zipkin.awaitReady(Duration.ofSeconds(90));
                console.say("✓ zipkin ready at " + zipkin.url() + "zipkin/ (" + seconds(began) + ")");
            }
            console.say("Infrastructure up in " + seconds(began) + "; starting " + PlatformConfig.SERVICES.size()
                    + " services");

            int index = 0;
            for (String name : PlatformConfig.SERVICES) {
                for (int instance = 0; instance < config.instancesOf(name); instance++) {
                    ServiceProcess service = new ServiceProcess(instance == 0 ? name : name + "-" + (instance + 1),
                            index++, config.serviceJar(name), config.serviceJavaOptions(), environment(name, instance),
                            config.port(name, instance), console);
                    service.start();
                    services.add(service);
                }
            }
            writePidFile();
            awaitReady(began, timeout);
        } catch (RuntimeException e) {
            close();
            throw e instanceof PlatformException ? e : new PlatformException(e.getMessage(), e);
        }
    }

    private void checkPrerequisites() {
        if (!config.looksLikeConvoyCheckout()) {
            throw new PlatformException(config.home() + " is not a Convoy checkout; run from its top folder or set --home");
        }
        List<String> missing = PlatformConfig.SERVICES.stream().map(config::serviceJar).filter(Files::notExists)
                .map(path -> config.home().relativize(path).toString()).toList();
        if (!missing.isEmpty()) {
            throw new PlatformException("Not built yet: " + String.join(", ", missing)
                    + ". Build with ./mvnw -B -DskipTests package (./run-local.sh does it for you).");
        }
        if (config.zipkin() && !Files.isRegularFile(config.zipkinJar())) {
            throw new PlatformException(config.zipkinJar().equals(config.home().resolve(PlatformConfig.DEFAULT_ZIPKIN_JAR))
                    ? "--zipkin: Zipkin's server is not in " + shown(config.zipkinJar()) + " yet. ./run-local.sh --zipkin "
                            + "fetches it there (io.zipkin:zipkin-server, its exec jar, 135 MB from Maven Central the "
                            + "first time), or give the path of one you have with --zipkin-jar=<path>."
                    : "--zipkin-jar: there is no file " + config.zipkinJar() + ".");
        }
    }

    private void prepareDataDir() {
        try {
            if (config.reset() && Files.exists(config.dataDir())) {
                console.say("--reset: deleting " + config.dataDir());
                try (Stream<Path> paths = Files.walk(config.dataDir())) {
                    for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                        Files.delete(path);
                    }
                }
            }
            Files.createDirectories(config.dataDir());
            if (config.clockFile() != null && Files.notExists(config.clockFile())) {
                Files.writeString(config.clockFile(), "PT0S\n");
            }
        } catch (IOException e) {
            throw new PlatformException("Cannot prepare data directory " + config.dataDir() + ": " + e.getMessage(), e);
        }
    }

    /**
     * Services (and Zipkin, and brokers) of an earlier run on this data whose launcher was killed outright would hold
     * their ports; stop them first.
     */
    private void stopLeftovers() {
        Path pidFile = config.dataDir().resolve("services.pid");
        if (!Files.exists(pidFile)) {
            return;
        }
        try {
            for (String line : Files.readAllLines(pidFile)) {
                String[] parts = line.split(" ", 2);
                if (parts.length < 2) {
                    continue;
                }
                ProcessHandle.of(Long.parseLong(parts[0])).filter(ProcessHandle::isAlive)
                        .filter(handle -> handle.info().commandLine().map(cmd -> cmd.contains(parts[1])).orElse(false))
                        .ifPresent(handle -> {
                            console.say("Stopping a service left over from an earlier run (pid " + handle.pid() + ")");
                            handle.destroyForcibly();
                            handle.onExit().join();
                        });
            }
            Files.delete(pidFile);
        } catch (IOException | NumberFormatException e) {
            console.say("Ignoring unreadable " + pidFile + ": " + e.getMessage());
        }
    }

    private void writePidFile() {
        StringBuilder lines = new StringBuilder();
        services.forEach(service -> lines.append(service.pid()).append(' ').append(service.jar()).append('\n'));
        brokers().forEach(broker -> lines.append(broker.pid()).append(' ').append(broker.marker()).append('\n'));
        if (zipkin != null) {
            lines.append(zipkin.pid()).append(' ').append(zipkin.marker()).append('\n');
        }
        try {
            Files.writeString(config.dataDir().resolve("services.pid"), lines);
            pidFileWritten = true;
        } catch (IOException e) {
            console.say("Could not write the pid file: " + e.getMessage());
        }
    }

    private Map<String, String> environment(String service, int instance) {
        Map<String, String> env = new HashMap<>(extraEnvironment);
        if (zipkin != null) {
            env.put("ZIPKIN_ENDPOINT", zipkin.spansEndpoint());
        }
        env.put("PORT", String.valueOf(config.port(service, instance)));
        env.put("SPRING_OUTPUT_ANSI_ENABLED", "never");
        if (System.getenv("MALLOC_ARENA_MAX") == null) {
            // glibc gives each thread that allocates natively an arena of its own; a JVM with a few hundred threads
            // keeps tens of MiB resident in them that two arenas do without.
            env.put("MALLOC_ARENA_MAX", "2");
        }
        if (service.equals(PlatformConfig.GATEWAY)) {
            // Every instance of each service: the gateway spreads calls over those that are ready.
            env.put("REGISTRATION_SERVICE_URI", addresses(PlatformConfig.REGISTRATION));
            env.put("SCHEDULING_SERVICE_URI", addresses(PlatformConfig.SCHEDULING));
            env.put("NOTIFICATION_SERVICE_URI", addresses(PlatformConfig.NOTIFICATION));
            env.put("MONGODB_URI", mongoUri("convoy-gateway"));
            env.put("CONVOY_ADMIN_USERNAME", config.adminUsername());
            env.put("CONVOY_ADMIN_PASSWORD", config.adminPassword());
            // Kept with the data, so organizers stay logged in across a restart of the platform.
            env.put("GATEWAY_SIGNING_KEY", config.dataDir().resolve("gateway").resolve("jwt-signing-key.pem").toString());
            env.put("GATEWAY_MANAGEMENT_PORT", String.valueOf(config.port(PlatformConfig.GATEWAY_MANAGEMENT, instance)));
            env.put("KAFKA_BOOTSTRAP_SERVERS", kafkaBootstrapServers());
            return env;
        }
        env.put("JWKS_URI", gatewayUrl() + ".well-known/jwks.json");
        env.put("KAFKA_BOOTSTRAP_SERVERS", kafkaBootstrapServers());
        if (kafkaCluster != null) {
            // Each event on three brokers, acknowledged once two have it: losing one broker loses and stops nothing.
            env.put("KAFKA_REPLICATION_FACTOR", "3");
            env.put("KAFKA_MIN_INSYNC_REPLICAS", "2");
        }
        env.put("MONGODB_URI", mongoUri("convoy-" + service.replace("-service", "")));
        env.put("SMTP_HOST", "localhost");
        env.put("SMTP_PORT", String.valueOf(config.port(PlatformConfig.SMTP)));
        env.put("PUBLIC_BASE_URL", gatewayUrl());
        if (config.clockFile() != null) {
            // The services' business runs at the offset in this file; the gateway keeps the real time for its tokens.
            env.put("CONVOY_CLOCK_FILE", config.clockFile().toString());
        }
        env.putAll(LocalSecrets.in(config.dataDir()));
        return env;
    }

    private String addresses(String service) {
        List<String> addresses = new ArrayList<>();
        for (int instance = 0; instance < config.instancesOf(service); instance++) {
            addresses.add("http://localhost:" + config.port(service, instance));
        }
        return String.join(",", addresses);
    }

    private void awaitReady(long began, Duration timeout) {
        List<ServiceProcess> waiting = new ArrayList<>(services);
        long lastReport = System.nanoTime();
        while (!waiting.isEmpty()) {
            for (ServiceProcess service : List.copyOf(waiting)) {
                if (!service.isAlive()) {
                    throw new PlatformException(service.name() + " exited with code " + service.exitCode()
                            + " while starting; its last lines above say why.");
                }
                if (service.isReady()) {
                    waiting.remove(service);
                    console.say("✓ " + service.name() + " ready at " + service.url() + " (" + seconds(began) + ")");
                }
            }
            if (waiting.isEmpty()) {
                break;
            }
            if (System.nanoTime() - began > timeout.toNanos()) {
                throw new PlatformException("Not ready after " + timeout.toSeconds() + " s: "
                        + String.join(", ", waiting.stream().map(ServiceProcess::name).toList()));
            }
            if (System.nanoTime() - lastReport > Duration.ofSeconds(5).toNanos()) {
                console.say("… waiting for " + String.join(", ", waiting.stream().map(ServiceProcess::name).toList())
                        + " (" + seconds(began) + ")");
                lastReport = System.nanoTime();
            }
            sleep(Duration.ofMillis(500));
        }
    }

    /**
     * Blocks until a service ends without being asked to, other than those already known to have ended; returns it
     * (empty when the platform is closing).
     */
    Optional<ChildProcess> awaitUnexpectedExit(Set<ChildProcess> alreadyEnded) {
        List<ChildProcess> children = new ArrayList<>(services);
        children.addAll(brokers());
        if (zipkin != null) {
            children.add(zipkin);
        }
        List<ChildProcess> watched = children.stream().filter(child -> !alreadyEnded.contains(child)).toList();
        if (watched.isEmpty()) {
            return Optional.empty();
        }
        CompletableFuture.anyOf(watched.stream().map(child -> child.process().onExit())
                .toArray(CompletableFuture[]::new)).join();
        if (closing) {
            return Optional.empty();
        }
        return watched.stream().filter(child -> !child.isAlive()).findFirst();
    }

    /** Whether another instance of the same service, or another broker of the Kafka cluster, still runs. */
    boolean othersRunning(ChildProcess ended) {
        if (ended instanceof BrokerProcess) {
            return brokers().stream().anyMatch(broker -> broker != ended && broker.isAlive());
        }
        ServiceProcess service = (ServiceProcess) ended;
        return services.stream().anyMatch(other -> other != service && other.jar().equals(service.jar())
                && other.isAlive());
    }

    String gatewayUrl() {
        return "http://localhost:" + config.port(PlatformConfig.GATEWAY) + "/";
    }

    /** Every gateway instance's address, the first being {@link #gatewayUrl()}. */
    List<String> gatewayUrls() {
        List<String> urls = new ArrayList<>();
        for (int instance = 0; instance < config.instancesOf(PlatformConfig.GATEWAY); instance++) {
            urls.add("http://localhost:" + config.port(PlatformConfig.GATEWAY, instance) + "/");
        }
        return urls;
    }

    /** Zipkin's page, where every trace is; empty without {@code --zipkin}. */
    Optional<String> zipkinUrl() {
        return Optional.ofNullable(zipkin).map(server -> server.url() + "zipkin/");
    }

    /** Zipkin's process; empty without {@code --zipkin}. */
    Optional<ZipkinProcess> zipkin() {
        return Optional.ofNullable(zipkin);
    }

    String mailPageUrl() {
        return mail.pageUrl();
    }

    MailCatcher mail() {
        return mail;
    }

    String kafkaBootstrapServers() {
        if (kafkaCluster != null) {
            return kafkaCluster.bootstrapServers();
        }
        return kafka == null ? config.externalKafka() : kafka.bootstrapServers();
    }

    /**
     * The brokers of the Kafka cluster, each its own process (with {@code --kafka-brokers=3}); empty with one broker
     * in this JVM or a Kafka of someone else's.
     */
    List<BrokerProcess> brokers() {
        return kafkaCluster == null ? List.of() : kafkaCluster.brokers();
    }

    String mongoUri(String database) {
        return mongo == null ? config.externalMongo().replace("{database}", database) : mongo.uri(database);
    }

    List<ServiceProcess> services() {
        return List.copyOf(services);
    }

    /**
     * Stops the services (gracefully, in parallel), then Zipkin (once their last spans are in), Kafka (its brokers in
     * parallel), the store and the SMTP server. Idempotent.
     */
    @Override
    public synchronized void close() {
        if (closing && services.isEmpty() && zipkin == null && kafka == null && kafkaCluster == null && mongo == null
                && mail == null) {
            return;
        }
        boolean started = !services.isEmpty() || zipkin != null || kafka != null || kafkaCluster != null || mongo != null
                || mail != null;
        closing = true;
        List<ServiceProcess> running = services.stream().filter(ServiceProcess::isAlive).toList();
        if (!running.isEmpty()) {
            console.say("Stopping " + String.join(", ", running.stream().map(ServiceProcess::name).toList()));
        }
        CompletableFuture.allOf(services.stream()
                .map(service -> CompletableFuture.runAsync(() -> service.stop(Duration.ofSeconds(20))))
                .toArray(CompletableFuture[]::new)).join();
        services.clear();
        if (pidFileWritten) {
            try {
                Files.deleteIfExists(config.dataDir().resolve("services.pid"));
                pidFileWritten = false;
            } catch (IOException ignored) {
                // a stale pid file is checked, not trusted, on the next start
            }
        }
        if (zipkin != null) {
            console.say("Stopping Zipkin");
            zipkin.stop(Duration.ofSeconds(10));
            zipkin = null;
        }
        if (kafka != null) {
            console.say("Stopping Kafka broker");
            kafka.close();
            kafka = null;
        }
        if (kafkaCluster != null) {
            console.say("Stopping the Kafka cluster");
            kafkaCluster.close();
            kafkaCluster = null;
        }
        if (mongo != null) {
            mongo.close();
            mongo = null;
        }
        if (mail != null) {
            mail.close();
            mail = null;
        }
        if (started) {
            console.say("Stopped.");
        }
    }

    /** A path under the checkout relative to it, as the user would type it there; any other in full. */
    private String shown(Path path) {
        return path.startsWith(config.home()) ? config.home().relativize(path).toString() : path.toString();
    }

    private static String seconds(long since) {
        return String.format("%.1f s", (System.nanoTime() - since) / 1e9);
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PlatformException("Interrupted while starting");
        }
    }
}
