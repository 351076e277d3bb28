package org.convoy.local;

import java.time.Duration;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

/**
 * {@code java -jar local-platform/target/local-platform.jar} (or {@code ./run-local.sh}, which builds first):
 * starts the whole platform without Docker and stops all of it on Ctrl-C.
 */
public final class LocalPlatform {

    private LocalPlatform() {
    }

    public static void main(String[] args) {
        PlatformConfig config;
        try {
            config = PlatformConfig.from(args, System.getenv());
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.exit(2);
            return;
        }
        Console console = new Console(System.out, config.colour());
        Platform platform = new Platform(config, console);
        Runtime.getRuntime().addShutdownHook(new Thread(platform::close, "convoy-stop"));
        try {
            platform.start(Duration.ofMinutes(4));
        } catch (PlatformException e) {
            console.say("✗ " + e.getMessage());
            System.exit(1);
            return;
        }
        console.headline("");
        console.headline("  Convoy is running.");
        console.headline("  Open        " + platform.gatewayUrl());
        console.headline("  Mail        " + platform.mailPageUrl() + "  (every email the platform sends)");
        console.headline("  Traces      " + platform.zipkinUrl().map(url -> url + "  (Zipkin: every journey as one trace)")
                .orElse(System.getenv("ZIPKIN_ENDPOINT") != null ? "sent to " + System.getenv("ZIPKIN_ENDPOINT")
                        : "not collected; start with --zipkin to see them in Zipkin"));
        console.headline("  Register    curl -i -H 'Content-Type: application/json' -d @local-platform/sample-registration.json "
                + platform.gatewayUrl() + "api/registrations");
        String credentials = "{\"username\":\"" + config.adminUsername() + "\",\"password\":\""
                + (config.developmentAdmin() ? config.adminPassword() : "<CONVOY_ADMIN_PASSWORD>") + "\"}";
        console.headline("  Log in      curl -s -H 'Content-Type: application/json' -d '" + credentials + "' "
                + platform.gatewayUrl() + "api/auth/login");
        if (config.developmentAdmin()) {
            console.headline("              (administrator " + config.adminUsername() + " / " + config.adminPassword()
                    + ": the development default; set --admin-password for anything else)");
        }
        int gateway = 0;
        for (ServiceProcess service : platform.services()) {
            console.headline("  " + String.format("%-21s", service.name()) + (PlatformConfig.GATEWAY.equals(service.kind())
                    ? service.url() + "readyz   (metrics: http://localhost:"
                            + config.port(PlatformConfig.GATEWAY_MANAGEMENT, gateway++) + "/actuator/prometheus)"
                    : service.url() + "actuator/health"));
        }
        if (config.clockFile() != null) {
            console.headline("  Clock       " + config.clockFile() + "  (the services' offset from now, e.g. P1DT-2H; "
                    + "for demos and tests only)");
        }
        console.headline("  Kafka       " + platform.kafkaBootstrapServers() + "   MongoDB  "
                + platform.mongoUri("<database>") + "   SMTP  localhost:" + config.port(PlatformConfig.SMTP));
        for (BrokerProcess broker : platform.brokers()) {
            console.headline("  " + String.format("%-21s", broker.name()) + broker.address() + "   pid " + broker.pid()
                    + "   (kill -9 it: the others go on)");
        }
        console.headline("  Press Ctrl-C to stop everything.");
        console.headline("");
        Set<ChildProcess> ended = new HashSet<>();
        for (Optional<ChildProcess> exited = platform.awaitUnexpectedExit(ended); exited.isPresent();
                exited = platform.awaitUnexpectedExit(ended)) {
            ChildProcess child = exited.get();
            ended.add(child);
            if (child instanceof ZipkinProcess) {
                console.say("✗ zipkin stopped unexpectedly (exit code " + child.exitCode()
                        + "); the platform goes on, its spans are no longer collected");
                continue;
            }
            if (platform.othersRunning(child)) {
                // With --instances, the others take its calls and its share of the events; with --kafka-brokers=3,
                // the other brokers lead its partitions and two of them keep the quorum.
                console.say("✗ " + child.name() + " stopped unexpectedly (exit code " + child.exitCode() + "); "
                        + (child instanceof BrokerProcess ? "the other brokers go on" : "its other instances go on"));
                continue;
            }
            console.say("✗ " + child.name() + " stopped unexpectedly (exit code " + child.exitCode()
                    + "); stopping the platform");
            System.exit(1);
        }
    }
}
