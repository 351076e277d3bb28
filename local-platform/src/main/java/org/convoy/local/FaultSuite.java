package org.convoy.local;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import org.convoy.events.EventHeaders;
import org.convoy.events.Topics;

/**
 * {@code ./fault-suite.sh}: the whole platform with several instances of everything, a steady stream of work through
 * its gateways ({@link FaultLoad}), and, during it, processes killed with SIGKILL one after the other (each service's
 * instances, the gateways, and on a cluster the broker leading the busiest partitions), each started again a few
 * seconds later as a supervisor would. Poison events go onto every topic. Then it lets the platform settle and holds
 * it to what it acknowledged ({@link FaultChecks}): every registration stored once, known to scheduling once, and
 * welcomed once per channel; every approval and every confirmed meeting's invitation delivered once per attendee; no
 * consumer group behind, no outbox holding an event, every poison event a dead letter. It prints a table and writes
 * it to {@code fault-report/report.md}; the exit code says whether the platform held.
 */
public final class FaultSuite {

    private static final PrintStream OUT = System.out;

    record Settings(int killsPerKind, Duration longest, Duration killEvery, Duration restartAfter, Duration calm, int instances,
            int gateways, int brokers, double registrationsPerSecond, Duration meetingEvery, Duration settle,
            Path report, String dataDir, List<String> platformArguments) {

        static Settings from(String[] args) {
            Map<String, String> given = new HashMap<>();
            List<String> platform = new ArrayList<>();
            for (String arg : args) {
                String key = arg.startsWith("--") && arg.contains("=") ? arg.substring(2, arg.indexOf('=')) : arg;
                String value = arg.contains("=") ? arg.substring(arg.indexOf('=') + 1) : "true";
                if (key.endsWith("-port") || key.equals("home")) {
                    platform.add(arg);
                } else {
                    given.put(key, value);
                }
            }
            boolean smoke = given.containsKey("--smoke") || given.containsKey("smoke");
            return new Settings(Integer.parseInt(given.getOrDefault("kills", smoke ? "1" : "10")),
                    Duration.ofMinutes(Long.parseLong(given.getOrDefault("longest-minutes", "40"))),
                    Duration.ofSeconds(Long.parseLong(given.getOrDefault("kill-every", "20"))),
                    Duration.ofSeconds(Long.parseLong(given.getOrDefault("restart-after", "3"))),
                    Duration.ofSeconds(Long.parseLong(given.getOrDefault("calm", smoke ? "15" : "30"))),
                    Integer.parseInt(given.getOrDefault("instances", "2")),
                    Integer.parseInt(given.getOrDefault("gateways", "2")),
                    Integer.parseInt(given.getOrDefault("kafka-brokers", "3")),
                    Double.parseDouble(given.getOrDefault("rate", "3")),
                    Duration.ofMillis(Long.parseLong(given.getOrDefault("meeting-every-ms", "1500"))),
                    Duration.ofSeconds(Long.parseLong(given.getOrDefault("settle", "300"))),
                    Path.of(given.getOrDefault("report", "fault-report")),
                    given.getOrDefault("data-dir", ".fault-data"), List.copyOf(platform));
        }
    }

    /** One SIGKILL: what was killed, when, and when it was started again. */
    record Kill(String kind, String name, long atMillis) {
    }

    private final Settings settings;
    private final List<Kill> kills = new ArrayList<>();
    private Platform platform;
    private PlatformConfig config;
    private SmsStub sms;
    private FaultLoad load;
    private Faults faults;

    FaultSuite(Settings settings) {
        this.settings = settings;
    }

    public static void main(String[] args) throws Exception {
        FaultChecks.Outcome outcome = new FaultSuite(Settings.from(args)).run();
        System.exit(outcome.held() ? 0 : 1);
    }

    FaultChecks.Outcome run() throws Exception {
        Files.createDirectories(settings.report());
        String run = "f" + Long.toString(System.currentTimeMillis() % 1_000_000_000L, 36);
        sms = new SmsStub();
        sms.start();
        // Stopped with Ctrl-C, the suite stops what it started.
        Thread stopping = new Thread(this::stop, "fault-suite-stop");
        Runtime.getRuntime().addShutdownHook(stopping);
        List<String> arguments = new ArrayList<>(List.of("--data-dir=" + settings.dataDir(), "--reset",
                "--instances=" + settings.instances(), "--gateways=" + settings.gateways()));
        if (settings.brokers() != 1) {
            arguments.add("--kafka-brokers=" + settings.brokers());
        }
        arguments.addAll(settings.platformArguments());
        config = PlatformConfig.from(arguments.toArray(String[]::new), System.getenv());
        Map<String, String> environment = new HashMap<>(sms.environment());
        // The public limits are for abuse, not for a test from one address; texts at any hour of the test's day.
        environment.putAll(Map.of("REGISTRATION_PUBLIC_CALLS_PER_MINUTE", "100000000",
                "CONVOY_GATEWAY_PUBLICRATELIMIT_CAPACITY", "100000000", "GATEWAY_ORGANIZER_RATE_CAPACITY", "100000000",
                "SMS_PLATFORM_PER_HOUR", "1000000", "SMS_PER_NUMBER_PER_HOUR", "1000",
                "CONVOY_NOTIFICATION_QUIETHOURS_ENABLED", "false"));
        Path log = settings.report().resolve("platform.log");
        try (PrintStream platformLog = new PrintStream(Files.newOutputStream(log), true, StandardCharsets.UTF_8)) {
            platform = new Platform(config, new Console(platformLog, false), environment);
            say("Starting the platform: " + settings.instances() + " instances of each service, " + settings.gateways()
                    + " gateways, " + settings.brokers() + " Kafka broker(s); its output goes to " + log);
            long began = System.nanoTime();
            platform.start(Duration.ofMinutes(6));
            say("Ready in " + (System.nanoTime() - began) / 1_000_000_000 + " s");
            return exercise(run);
        } finally {
            stop();
            try {
                Runtime.getRuntime().removeShutdownHook(stopping);
            } catch (IllegalStateException shuttingDown) {
                // the hook is running or has run
            }
        }
    }

    private FaultChecks.Outcome exercise(String run) throws Exception {
        List<String> gateways = platform.gatewayUrls();
        FaultLoad.Credentials credentials = new FaultLoad.Credentials(config.adminUsername(), config.adminPassword());
        String token = FaultLoad.login(gateways, credentials);
        ConvoyCopy convoy = ConvoyCopy.openCopyOfCalifornia(gateways.get(0), token, run,
                "{\"BUSINESS_DELEGATE\": 8000}");
        load = new FaultLoad(gateways, convoy, credentials, platform.mail(), run);
        load.addHosts();
        faults = new Faults(platform, settings.restartAfter());
        say("Load: " + settings.registrationsPerSecond() + " registrations a second, a meeting confirmed every "
                + settings.meetingEvery().toMillis() + " ms; " + settings.calm().toSeconds() + " s without faults first");
        long loadStarted = System.currentTimeMillis();
        load.start(settings.registrationsPerSecond(), settings.meetingEvery());
        FaultLoad.pause(settings.calm());
        long faultsFrom = System.currentTimeMillis();

        FaultChecks checks = new FaultChecks(platform, sms, credentials);
        checks.injectPoison(run);
        say("Poison events put on every topic; now a SIGKILL every " + settings.killEvery().toSeconds() + " s until "
                + "each kind of process (" + String.join(", ", faults.kinds()) + ") was killed " + settings.killsPerKind()
                + " times");
        ScheduledExecutorService killer = Executors.newSingleThreadScheduledExecutor(FaultLoad.daemon("fault-killer"));
        killer.scheduleAtFixedRate(() -> {
            try {
                faults.killNext(settings.killsPerKind()).ifPresent(kill -> {
                    synchronized (kills) {
                        kills.add(kill);
                    }
                    say("  SIGKILL " + kill.name() + " (" + kill.kind() + ")");
                });
            } catch (RuntimeException e) {
                say("  (could not kill: " + e.getMessage() + ")");
            }
        }, 0, settings.killEvery().toMillis(), TimeUnit.MILLISECONDS);
        long longest = System.currentTimeMillis() + settings.longest().toMillis();
        while (!faults.killedAtLeast(settings.killsPerKind()) && System.currentTimeMillis() < longest) {
            FaultLoad.pause(Duration.ofSeconds(1));
        }
        // The last kill's effects are part of the faults: the load goes on for one more interval.
        FaultLoad.pause(settings.killEvery());
        killer.shutdownNow();
        killer.awaitTermination(1, TimeUnit.MINUTES);
        long faultsUntil = System.currentTimeMillis();
        load.stop();
        say("Load stopped: " + load.registered().size() + " registrations acknowledged, " + load.approved().size()
                + " approvals, " + load.confirmed().size() + " meetings confirmed; letting the platform settle");
        faults.awaitAllBack(Duration.ofMinutes(3));

        FaultChecks.Outcome outcome = checks.settle(load, new FaultChecks.Window(loadStarted, faultsFrom, faultsUntil),
                List.copyOf(kills), settings.settle());
        Files.writeString(settings.report().resolve("report.md"), outcome.report(settings.toString()));
        OUT.println();
        OUT.println(outcome.table());
        say(outcome.held() ? "The platform held: nothing lost, nothing sent twice."
                : "The platform did NOT hold: " + String.join("; ", outcome.problems()));
        say("Report: " + settings.report().resolve("report.md"));
        return outcome;
    }

    private synchronized void stop() {
        if (load != null) {
            load.close();
        }
        if (faults != null) {
            faults.close();
        }
        if (platform != null) {
            platform.close();
        }
        if (sms != null) {
            sms.close();
        }
    }

    static void say(String line) {
        OUT.println("[faults " + Instant.now().toString().substring(11, 19) + "] " + line);
    }

    static String seconds(long millis) {
        return String.format(Locale.ROOT, "%.1f s", millis / 1000.0);
    }

    static final Set<String> EVENT_TOPICS = Set.of(Topics.DELEGATES, Topics.MEETINGS, Topics.CONVOYS, Topics.SESSIONS,
            Topics.DELEGATE_KEYS, Topics.HOSTS);

    static final String EVENT_ID = EventHeaders.EVENT_ID;
}
