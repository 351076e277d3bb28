package org.convoy.local;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Where everything runs. Each setting comes from a {@code --name=value} argument, else the environment variable
 * {@code CONVOY_NAME} (upper case, dashes as underscores), else its default. With
 * {@code --kafka-bootstrap-servers} and {@code --mongo-uri} the services use that Kafka and MongoDB and the launcher
 * starts neither. {@code --admin-username} and {@code --admin-password} name the first organizer account (an
 * administrator); the defaults are for a development machine only. {@code --kafka-brokers=3} runs a cluster of three
 * brokers, each its own process, instead of the one broker in the launcher's JVM. {@code --zipkin} also starts Zipkin's
 * server (from {@code --zipkin-jar}, by default where {@code ./run-local.sh --zipkin} puts it) and has every process
 * send it their spans. {@code --adjustable-clock} lets a demo or a test move the services' clock ({@link #clockFile()}).
 */
record PlatformConfig(
        Path home,
        Path dataDir,
        Map<String, Integer> ports,
        List<String> serviceJavaOptions,
        boolean reset,
        boolean colour,
        String externalKafka,
        String externalMongo,
        String adminUsername,
        String adminPassword,
        int instances,
        int gateways,
        int kafkaBrokers,
        boolean zipkin,
        Path zipkinJar,
        boolean adjustableClock) {

    /** How many instances of each service {@code --instances} may ask for. */
    static final int MAX_INSTANCES = 4;
    /** The ports of a service's second, third… instance: its port plus this, times the instance's index. */
    static final int INSTANCE_PORT_STEP = 100;
    /** The sizes of Kafka cluster {@code --kafka-brokers} may ask for: one broker, or three that survive losing one. */
    static final List<Integer> KAFKA_CLUSTER_SIZES = List.of(1, 3);

    static final String DEVELOPMENT_ADMIN_USERNAME = "admin";
    static final String DEVELOPMENT_ADMIN_PASSWORD = "convoy-local-admin";

    static final String GATEWAY = "gateway";
    static final String REGISTRATION = "registration-service";
    static final String SCHEDULING = "scheduling-service";
    static final String NOTIFICATION = "notification-service";
    static final String KAFKA = "kafka";
    static final String KAFKA_CONTROLLER = "kafka-controller";
    static final String MONGO = "mongo";
    static final String SMTP = "smtp";
    static final String MAIL_PAGE = "mail";
    static final String GATEWAY_MANAGEMENT = "gateway-management";
    static final String ZIPKIN = "zipkin";
    /** Where {@code ./run-local.sh --zipkin} puts Zipkin's server, from the checkout's top folder. */
    static final Path DEFAULT_ZIPKIN_JAR = Path.of("local-platform", "target", "zipkin", "zipkin-server.jar");

    /** Services in start order; the gateway last, as it is the door. */
    static final List<String> SERVICES = List.of(REGISTRATION, SCHEDULING, NOTIFICATION, GATEWAY);

    private static final Map<String, Integer> DEFAULT_PORTS = defaults();

    private static Map<String, Integer> defaults() {
        Map<String, Integer> ports = new LinkedHashMap<>();
        ports.put(GATEWAY, 8080);
        ports.put(REGISTRATION, 8081);
        ports.put(SCHEDULING, 8082);
        ports.put(NOTIFICATION, 8083);
        ports.put(KAFKA, 9092);
        ports.put(KAFKA_CONTROLLER, 9093);
        ports.put(MONGO, 27017);
        ports.put(SMTP, 2525);
        ports.put(MAIL_PAGE, 8025);
        ports.put(GATEWAY_MANAGEMENT, 8090);
        ports.put(ZIPKIN, 9411);
        return ports;
    }

    static PlatformConfig from(String[] args, Map<String, String> env) {
        Map<String, String> given = new HashMap<>();
        for (String arg : args) {
            if (arg.startsWith("--") && arg.contains("=")) {
                given.put(arg.substring(2, arg.indexOf('=')), arg.substring(arg.indexOf('=') + 1));
            } else if (arg.startsWith("--")) {
                given.put(arg.substring(2), "true");
            } else {
                throw new IllegalArgumentException("Unknown argument " + arg + "; settings look like --gateway-port=9080");
            }
        }
        Path home = Path.of(setting("home", given, env, System.getProperty("user.dir"))).toAbsolutePath().normalize();
        Path dataDir = home.resolve(setting("data-dir", given, env, ".local-data")).normalize();
        Map<String, Integer> ports = new LinkedHashMap<>();
        DEFAULT_PORTS.forEach((name, port) -> ports.put(name,
                parsePort(name, setting(portKey(name), given, env, String.valueOf(port)))));
        List<String> javaOptions = List.of(setting("service-java-opts", given, env,
                "-Xmx384m -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -Xss512k").trim().split("\\s+"));
        boolean reset = Boolean.parseBoolean(setting("reset", given, env, "false"));
        String externalKafka = setting("kafka-bootstrap-servers", given, env, null);
        String externalMongo = setting("mongo-uri", given, env, null);
        if (externalMongo != null && !externalMongo.contains("{database}")) {
            throw new IllegalArgumentException("--mongo-uri must name the database as {database}, e.g. "
                    + "mongodb://db:27017/{database}?replicaSet=rs0");
        }
        String adminUsername = setting("admin-username", given, env, DEVELOPMENT_ADMIN_USERNAME);
        String adminPassword = setting("admin-password", given, env, DEVELOPMENT_ADMIN_PASSWORD);
        if (adminPassword.length() < 12) {
            throw new IllegalArgumentException("--admin-password (CONVOY_ADMIN_PASSWORD) needs at least 12 characters");
        }
        int instances = parseCount("instances", setting("instances", given, env, "1"));
        int gateways = parseCount("gateways", setting("gateways", given, env, "1"));
        int kafkaBrokers = parseKafkaBrokers(setting("kafka-brokers", given, env, "1"));
        boolean adjustableClock = Boolean.parseBoolean(setting("adjustable-clock", given, env, "false"));
        if (kafkaBrokers > 1 && externalKafka != null) {
            throw new IllegalArgumentException("--kafka-brokers runs a cluster of the launcher's own; with "
                    + "--kafka-bootstrap-servers it runs no broker. Give one or the other.");
        }
        String zipkinJarSetting = setting("zipkin-jar", given, env, null);
        // Naming the jar is asking for Zipkin too.
        boolean zipkin = Boolean.parseBoolean(setting("zipkin", given, env, "false")) || zipkinJarSetting != null;
        Path zipkinJar = home.resolve(zipkinJarSetting == null ? DEFAULT_ZIPKIN_JAR.toString() : zipkinJarSetting)
                .normalize();
        boolean colour = System.console() != null && env.get("NO_COLOR") == null;
        for (String key : given.keySet()) {
            if (!List.of("home", "data-dir", "service-java-opts", "reset", "kafka-bootstrap-servers", "mongo-uri",
                    "admin-username", "admin-password", "instances", "gateways", "kafka-brokers", "zipkin", "zipkin-jar",
                    "adjustable-clock")
                    .contains(key) && DEFAULT_PORTS.keySet().stream().map(PlatformConfig::portKey)
                            .noneMatch(key::equals)) {
                throw new IllegalArgumentException("Unknown setting --" + key);
            }
        }
        return new PlatformConfig(home, dataDir, Map.copyOf(ports), javaOptions, reset, colour, externalKafka,
                externalMongo, adminUsername, adminPassword, instances, gateways, kafkaBrokers, zipkin, zipkinJar,
                adjustableClock);
    }

    private static int parseKafkaBrokers(String value) {
        try {
            int brokers = Integer.parseInt(value.trim());
            if (!KAFKA_CLUSTER_SIZES.contains(brokers)) {
                throw new NumberFormatException();
            }
            return brokers;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--kafka-brokers (CONVOY_KAFKA_BROKERS) must be 1 (one broker in the "
                    + "launcher) or 3 (a cluster that goes on when one broker is lost), not '" + value + "'");
        }
    }

    private static int parseCount(String key, String value) {
        try {
            int count = Integer.parseInt(value.trim());
            if (count < 1 || count > MAX_INSTANCES) {
                throw new NumberFormatException();
            }
            return count;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--" + key + " (" + envName(key) + ") must be a number from 1 to "
                    + MAX_INSTANCES + ", not '" + value + "'");
        }
    }

    /**
     * The port of one instance of a service: its own port for the first ({@code index} 0), then the port plus
     * {@value #INSTANCE_PORT_STEP} for each next one (8081, 8181, 8281); the same for the gateway's instances and
     * their management ports.
     */
    int port(String service, int index) {
        return port(service) + index * INSTANCE_PORT_STEP;
    }

    /**
     * How many instances of this service run: {@code instances} of each service, {@code gateways} gateways (one by
     * default: a user opens one address; more stand for gateways behind a load balancer, as the fault suite uses).
     */
    int instancesOf(String service) {
        return GATEWAY.equals(service) ? gateways : instances;
    }

    /**
     * The Kafka port of broker {@code node} (1, 2, 3): the Kafka port plus {@value #INSTANCE_PORT_STEP} for each next
     * one (9092, 9192, 9292).
     */
    int kafkaPort(int node) {
        return port(KAFKA) + (node - 1) * INSTANCE_PORT_STEP;
    }

    /** The controller port of broker {@code node}: 9093, 9193, 9293. */
    int kafkaControllerPort(int node) {
        return port(KAFKA_CONTROLLER) + (node - 1) * INSTANCE_PORT_STEP;
    }

    /** Whether the launcher runs a cluster of brokers, each its own process. */
    boolean kafkaCluster() {
        return externalKafka == null && kafkaBrokers > 1;
    }

    /**
     * The argument and variable name of a port: {@code --gateway-port}, {@code CONVOY_GATEWAY_PORT}; a second or third
     * instance or broker ({@code registration-service-2}, {@code kafka-controller-3}) moves with its first.
     */
    static String portKey(String name) {
        return name.replaceFirst("-\\d+$", "").replace("-service", "") + "-port";
    }

    static String envName(String key) {
        return "CONVOY_" + key.toUpperCase().replace('-', '_');
    }

    /** The ports this launcher opens: not those of a Kafka or MongoDB it was pointed at, nor Zipkin's without it. */
    Map<String, Integer> portsToOpen() {
        Map<String, Integer> open = new LinkedHashMap<>(ports);
        for (String service : SERVICES) {
            for (int index = 1; index < instancesOf(service); index++) {
                open.put(service + "-" + (index + 1), port(service, index));
            }
        }
        for (int index = 1; index < gateways; index++) {
            open.put(GATEWAY_MANAGEMENT + "-" + (index + 1), port(GATEWAY_MANAGEMENT, index));
        }
        for (int node = 2; node <= kafkaBrokers; node++) {
            open.put(KAFKA + "-" + node, kafkaPort(node));
            open.put(KAFKA_CONTROLLER + "-" + node, kafkaControllerPort(node));
        }
        if (externalKafka != null) {
            open.remove(KAFKA);
            open.remove(KAFKA_CONTROLLER);
        }
        if (externalMongo != null) {
            open.remove(MONGO);
        }
        if (!zipkin) {
            open.remove(ZIPKIN);
        }
        return open;
    }

    /** The launcher's own defaults are for a development machine; then it prints the password with the URLs. */
    /**
     * With {@code --adjustable-clock}, the file that holds the offset the services' clock runs at (an ISO-8601
     * duration, {@code PT0S} when created); {@code null} without it. For demos and tests only.
     */
    Path clockFile() {
        return adjustableClock ? dataDir.resolve("clock") : null;
    }

    boolean developmentAdmin() {
        return DEVELOPMENT_ADMIN_PASSWORD.equals(adminPassword);
    }

    /** Never the password. */
    @Override
    public String toString() {
        return "PlatformConfig[home=" + home + ", dataDir=" + dataDir + ", ports=" + ports + ", instances=" + instances
                + ", gateways=" + gateways + ", kafkaBrokers=" + kafkaBrokers + ", zipkin=" + zipkin
                + ", adminUsername=" + adminUsername + "]";
    }

    int port(String name) {
        return ports.get(name);
    }

    Path serviceJar(String service) {
        return home.resolve(service).resolve("target").resolve(service + ".jar");
    }

    boolean looksLikeConvoyCheckout() {
        return Files.isRegularFile(home.resolve("pom.xml")) && Files.isDirectory(home.resolve("local-platform"));
    }

    private static String setting(String key, Map<String, String> given, Map<String, String> env, String fallback) {
        if (given.containsKey(key)) {
            return given.get(key);
        }
        return env.getOrDefault(envName(key), fallback);
    }

    private static int parsePort(String name, String value) {
        try {
            int port = Integer.parseInt(value.trim());
            if (port < 1 || port > 65535) {
                throw new NumberFormatException();
            }
            return port;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("Port for " + name + " must be a number from 1 to 65535, not '" + value
                    + "' (set --" + portKey(name) + " or " + envName(portKey(name)) + ")");
        }
    }
}
