package org.convoy.local;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * {@code ./bench.sh}: starts the whole platform on its own data directory, measures it from outside with plain HTTP
 * and Kafka clients, each figure beside its anchor (direct against through the gateway, the relay against Kafka's
 * own producer), writes {@code bench-report/report.md} with the figures and two charts, and stops. Every load loop
 * is bounded in count and in time, and it talks to localhost only.
 */
public final class Bench {

    private static final Duration PHASE_LIMIT = Duration.ofMinutes(10);
    private static final List<String> REGISTRATION_TOPICS = List.of("convoy.delegates", "convoy.delegate-keys");

    private final Settings settings;
    private final HttpClient http;
    private final Figures figures = new Figures();
    private final List<String> notes = new ArrayList<>();
    private Platform platform;
    private Admin admin;
    private PlatformConfig config;
    private final AtomicInteger emailSequence = new AtomicInteger();
    private String convoyId;

    private Bench(Settings settings) {
        this.settings = settings;
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .executor(Executors.newCachedThreadPool(daemon("bench-http"))).connectTimeout(Duration.ofSeconds(5))
                .build();
    }

    public static void main(String[] args) throws Exception {
        Settings settings = Settings.from(args);
        Bench bench = new Bench(settings);
        Runtime.getRuntime().addShutdownHook(new Thread(bench::stop, "bench-stop"));
        try {
            bench.run();
        } finally {
            bench.stop();
        }
        System.exit(0);
    }

    /** How much load, and where the report goes. */
    record Settings(int registrations, int clients, List<Integer> rates, int pacedSeconds, int comparisonCalls,
            int anchorRecords, int warmUp, int planningDelegates, int planningHosts, List<String> phases, Path report,
            boolean smoke) {

        static final List<String> PHASES = List.of("registration", "gateway", "scheduling", "kafka");

        static Settings from(String[] args) {
            Map<String, String> given = new HashMap<>();
            for (String arg : args) {
                if (!arg.startsWith("--")) {
                    throw new IllegalArgumentException("Unknown argument " + arg);
                }
                int equals = arg.indexOf('=');
                given.put(equals < 0 ? arg.substring(2) : arg.substring(2, equals),
                        equals < 0 ? "true" : arg.substring(equals + 1));
            }
            boolean smoke = Boolean.parseBoolean(given.getOrDefault("smoke", "false"));
            return new Settings(
                    Integer.parseInt(given.getOrDefault("registrations", smoke ? "300" : "10000")),
                    Integer.parseInt(given.getOrDefault("clients", "32")),
                    Arrays.stream(given.getOrDefault("rates", smoke ? "20,50" : "50,100,200,300").split(","))
                            .map(String::trim).map(Integer::parseInt).toList(),
                    Integer.parseInt(given.getOrDefault("paced-seconds", smoke ? "3" : "10")),
                    Integer.parseInt(given.getOrDefault("calls", smoke ? "300" : "3000")),
                    Integer.parseInt(given.getOrDefault("anchor-records", smoke ? "2000" : "50000")),
                    Integer.parseInt(given.getOrDefault("warm-up", smoke ? "50" : "2000")),
                    Integer.parseInt(given.getOrDefault("planning-delegates", smoke ? "60" : "1000")),
                    Integer.parseInt(given.getOrDefault("planning-hosts", smoke ? "4" : "50")),
                    phases(given.getOrDefault("phases", String.join(",", PHASES))),
                    Path.of(given.getOrDefault("report", "bench-report")), smoke);
        }

        private static List<String> phases(String given) {
            List<String> phases = Arrays.stream(given.split(",")).map(String::trim).toList();
            phases.stream().filter(phase -> !PHASES.contains(phase)).findFirst().ifPresent(unknown -> {
                throw new IllegalArgumentException("Unknown phase " + unknown + "; the phases are " + PHASES);
            });
            return phases;
        }

        boolean runs(String phase) {
            return phases.contains(phase);
        }
    }

    private void run() throws Exception {
        Files.createDirectories(settings.report());
        config = PlatformConfig.from(new String[] { "--data-dir=.bench-data", "--reset" }, System.getenv());
        // The public limits are for abuse, not for a load test from one address.
        platform = new Platform(config, new Console(System.out, false), Map.of(
                "REGISTRATION_PUBLIC_CALLS_PER_MINUTE", "100000000",
                "CONVOY_GATEWAY_PUBLICRATELIMIT_CAPACITY", "100000000",
                "GATEWAY_ORGANIZER_RATE_CAPACITY", "100000000"));
        long began = System.nanoTime();
        platform.start(Duration.ofMinutes(4));
        figures.put("Cold start of the whole local platform", seconds(System.nanoTime() - began));

        String direct = "http://localhost:" + config.port(PlatformConfig.REGISTRATION) + "/";
        String gateway = platform.gatewayUrl();
        // The sample convoys' registration windows are fixed dates; the benchmark registers for a copy it opens now.
        convoyId = ConvoyCopy.openCopyOfCalifornia(gateway, login(gateway), "bench").id();

        if (settings.runs("registration")) {
            warmUp(direct);
            // Paced first: each rate's emails are all delivered before the next starts. The rush leaves a backlog of
            // notices behind it that would otherwise be counted in the paced figures.
            paced(direct);
            rush(direct);
        }
        if (settings.runs("gateway")) {
            compare(direct, gateway);
        }
        if (settings.runs("scheduling")) {
            new PlanningBench(this, figures, http, gateway, direct,
                    "http://localhost:" + config.port(PlatformConfig.SCHEDULING) + "/", settings).run();
        }
        if (settings.runs("kafka")) {
            anchor();
        }
        resident();
        writeReport();
    }

    /**
     * Registrations not measured, until every one is notified: the services have just started, and on a small machine
     * the JIT compiling their hot paths takes the CPU for a while. Measuring that would measure the start.
     */
    private void warmUp(String direct) throws Exception {
        if (settings.warmUp() == 0) {
            return;
        }
        say("Warm-up: " + settings.warmUp() + " registrations, not measured");
        platform.mail().clear();
        Calls calls = closedLoop(settings.warmUp(), settings.clients(), i -> registration(direct, "warmup"));
        waitForMail("bench-warmup-", calls.accepted(), Duration.ofMinutes(3));
        notes.add("Before measuring, " + calls.accepted() + " registrations warmed the platform up (not counted).");
    }

    /** The rush: every registration as fast as the clients can send them, straight to registration-service. */
    private void rush(String direct) throws Exception {
        say("Rush: " + settings.registrations() + " registrations from " + settings.clients() + " clients");
        platform.mail().clear();
        long publishedBefore = eventsPublished();
        long rushBegan = System.nanoTime();
        Calls calls = closedLoop(settings.registrations(), settings.clients(),
                i -> registration(direct, "rush"));
        long publishedAfter = waitForRelay(publishedBefore, calls.accepted() * 3L);
        long relayDone = System.nanoTime();
        figures.put("Rush: registrations accepted (201) / answered 5xx / other",
                calls.accepted() + " / " + calls.count(s -> s >= 500) + " / "
                        + calls.count(s -> s != 201 && s < 500));
        figures.put("Rush: registrations per second, overall", rate(calls.accepted(), calls.elapsedNanos()));
        figures.put("Rush: answer p50 / p99", millis(calls.percentile(50)) + " / " + millis(calls.percentile(99)));
        figures.put("Rush: answer p99 of the first 1,000 / of the last 1,000",
                millis(calls.percentile(99, 0, 1000)) + " / "
                        + millis(calls.percentile(99, Math.max(0, calls.size() - 1000), calls.size())));
        long lastAcceptance = calls.lastEndMillis();
        long allMailed = waitForMail("bench-rush-", calls.accepted(), Duration.ofMinutes(5));
        figures.put("Rush: every welcome email handed to SMTP, after the last acceptance", allMailed < 0
                ? "not all within 5 min (" + platform.mail().count() + " of " + calls.accepted() + ")"
                : String.format(Locale.ROOT, "%.1f s", (allMailed - lastAcceptance) / 1000.0));
        figures.put("Rush: events the relay published per second (from the first registration until it caught up)",
                rate(publishedAfter - publishedBefore, relayDone - rushBegan));

        List<double[]> curve = new ArrayList<>();
        int block = Math.max(1, calls.size() / 40);
        for (int start = 0; start + block <= calls.size(); start += block) {
            curve.add(new double[] { start + block, calls.percentile(50, start, start + block) / 1e6 });
        }
        List<double[]> tail = new ArrayList<>();
        for (int start = 0; start + block <= calls.size(); start += block) {
            tail.add(new double[] { start + block, calls.percentile(99, start, start + block) / 1e6 });
        }
        Charts.line(settings.report().resolve("registration-curve.png"),
                "Time per registration against registrations so far (" + settings.clients() + " clients)",
                "registrations so far", "ms", List.of(new Charts.Series("p50 per block", curve),
                        new Charts.Series("p99 per block", tail)));
    }

    /** Registrations at fixed rates: the answer and the welcome email's latency against the rate. */
    private void paced(String direct) throws Exception {
        List<double[]> answerP99 = new ArrayList<>();
        List<double[]> emailP50 = new ArrayList<>();
        List<double[]> emailP99 = new ArrayList<>();
        for (int rate : settings.rates()) {
            say("Paced: " + rate + " registrations/s for " + settings.pacedSeconds() + " s");
            platform.mail().clear();
            Map<String, Long> sentAt = new java.util.concurrent.ConcurrentHashMap<>();
            Calls calls = openLoop(rate, settings.pacedSeconds(), i -> {
                String email = nextEmail("paced" + rate);
                sentAt.put(email, System.currentTimeMillis());
                return register(direct, email);
            });
            waitForMail("bench-paced" + rate + "-", calls.accepted(), Duration.ofMinutes(2));
            List<Long> emailLatencies = new ArrayList<>();
            Map<String, Long> firstMail = new HashMap<>();
            for (MailCatcher.Receipt receipt : platform.mail().receipts()) {
                firstMail.merge(receipt.to(), receipt.receivedAtMillis(), Math::min);
            }
            firstMail.forEach((to, at) -> {
                Long sent = sentAt.get(to);
                if (sent != null) {
                    emailLatencies.add((at - sent) * 1_000_000L);
                }
            });
            Calls emails = Calls.of(emailLatencies);
            figures.put("Paced " + rate + "/s: accepted / 5xx; answer p50 / p99",
                    calls.accepted() + " / " + calls.count(s -> s >= 500) + "; " + millis(calls.percentile(50))
                            + " / " + millis(calls.percentile(99)));
            figures.put("Paced " + rate + "/s: registration → welcome email at SMTP p50 / p99 (" + emails.size()
                    + " emails)", millis(emails.percentile(50)) + " / " + millis(emails.percentile(99)));
            answerP99.add(new double[] { rate, calls.percentile(99) / 1e6 });
            emailP50.add(new double[] { rate, emails.percentile(50) / 1e6 });
            emailP99.add(new double[] { rate, emails.percentile(99) / 1e6 });
        }
        Charts.line(settings.report().resolve("latency-by-rate.png"), "Latency against the rate of registrations",
                "registrations per second", "ms", List.of(new Charts.Series("answer p99", answerP99),
                        new Charts.Series("welcome email p50", emailP50),
                        new Charts.Series("welcome email p99", emailP99)));
    }

    /** The same calls straight to the service and through the gateway, one after the other. */
    private void compare(String direct, String gateway) throws Exception {
        int calls = settings.comparisonCalls();
        String one = "api/registrations/" + someDelegate(direct);
        String list = "api/registrations?convoyId=" + convoyId + "&size=20";
        say("Gateway against direct: " + calls + " calls each");
        long gatewayPid = pidOf(PlatformConfig.GATEWAY);

        Calls directPosts = closedLoop(calls, settings.clients(), i -> registration(direct, "direct"));
        long cpuBefore = cpuMillis(gatewayPid);
        Calls gatewayPosts = closedLoop(calls, settings.clients(), i -> registration(gateway, "gateway"));
        long postCpu = cpuMillis(gatewayPid) - cpuBefore;
        // A token lasts 15 minutes; each read phase logs in afresh so that it measures answers, not refusals.
        String token = login(gateway);
        Calls directGets = closedLoop(calls, settings.clients(), i -> get(direct + one, token));
        String again = login(gateway);
        cpuBefore = cpuMillis(gatewayPid);
        Calls gatewayGets = closedLoop(calls, settings.clients(), i -> get(gateway + one, again));
        long getCpu = cpuMillis(gatewayPid) - cpuBefore;
        int pages = Math.max(10, calls / 100);
        String lister = login(gateway);
        Calls listPages = closedLoop(pages, 4, i -> get(direct + list, lister));

        figures.put("Registration POST: direct / through the gateway (calls per second; ratio)",
                ratio(directPosts, gatewayPosts));
        figures.put("Registration POST through the gateway: 2xx / 503 Busy / other",
                gatewayPosts.count(s -> s / 100 == 2) + " / " + gatewayPosts.count(s -> s == 503) + " / "
                        + gatewayPosts.count(s -> s / 100 != 2 && s != 503));
        figures.put("Organizer GET of one delegate: direct / through the gateway (calls per second; ratio)",
                ratio(directGets, gatewayGets));
        figures.put("Organizer GET of one delegate: answered 200 direct / through the gateway",
                directGets.count(s -> s == 200) + " of " + directGets.size() + " / " + gatewayGets.count(s -> s == 200)
                        + " of " + gatewayGets.size());
        figures.put("Organizer GET of the first page of delegates (20 of all registered), direct: p50",
                millis(listPages.percentile(50)) + " (" + listPages.count(s -> s == 200) + " of " + listPages.size()
                        + " answered 200)");
        figures.put("Gateway CPU per proxied call (POST / GET)", String.format(Locale.ROOT, "%d µs / %d µs",
                postCpu * 1000 / Math.max(1, gatewayPosts.size()), getCpu * 1000 / Math.max(1, gatewayGets.size())));
    }

    /** Kafka's own producer on the same broker, 500-byte records, acks=all: the anchor for the relay. */
    private void anchor() {
        int records = settings.anchorRecords();
        say("Kafka producer anchor: " + records + " records of 500 bytes");
        Properties properties = new Properties();
        properties.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, platform.kafkaBootstrapServers());
        properties.put(ProducerConfig.ACKS_CONFIG, "all");
        properties.put(ProducerConfig.LINGER_MS_CONFIG, "5");
        byte[] payload = new byte[500];
        Arrays.fill(payload, (byte) 'x');
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(properties, new ByteArraySerializer(),
                new ByteArraySerializer())) {
            long began = System.nanoTime();
            CountDownLatch acknowledged = new CountDownLatch(records);
            for (int i = 0; i < records; i++) {
                producer.send(new ProducerRecord<>("bench.anchor", String.valueOf(i % 100).getBytes(StandardCharsets.UTF_8),
                        payload), (metadata, error) -> acknowledged.countDown());
            }
            acknowledged.await(PHASE_LIMIT.toSeconds(), TimeUnit.SECONDS);
            figures.put("Kafka's own producer, 500 B, acks=all (records per second)",
                    rate(records - acknowledged.getCount(), System.nanoTime() - began));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void resident() {
        StringBuilder rss = new StringBuilder();
        for (ServiceProcess service : platform.services()) {
            rss.append(rss.isEmpty() ? "" : ", ").append(service.name()).append(' ')
                    .append(residentMiB(service.pid())).append(" MiB");
        }
        figures.put("Resident memory after the run", rss.toString());
    }

    // --- load ---

    Calls closedLoop(int count, int clients, IntFunction<Integer> call) throws InterruptedException {
        long[] latencies = new long[count];
        int[] statuses = new int[count];
        AtomicInteger next = new AtomicInteger();
        AtomicLong lastEnd = new AtomicLong();
        long deadline = System.nanoTime() + PHASE_LIMIT.toNanos();
        ExecutorService pool = Executors.newFixedThreadPool(clients, daemon("bench-client"));
        long began = System.nanoTime();
        for (int c = 0; c < clients; c++) {
            pool.execute(() -> {
                for (int i = next.getAndIncrement(); i < count && System.nanoTime() < deadline;
                        i = next.getAndIncrement()) {
                    long start = System.nanoTime();
                    statuses[i] = call.apply(i);
                    latencies[i] = System.nanoTime() - start;
                    lastEnd.accumulateAndGet(System.currentTimeMillis(), Math::max);
                }
            });
        }
        pool.shutdown();
        pool.awaitTermination(PHASE_LIMIT.toSeconds() + 60, TimeUnit.SECONDS);
        int done = Math.min(count, next.get());
        return new Calls(Arrays.copyOf(latencies, done), Arrays.copyOf(statuses, done), System.nanoTime() - began,
                lastEnd.get());
    }

    private Calls openLoop(int rate, int seconds, IntFunction<Integer> call) throws InterruptedException {
        int count = rate * seconds;
        long[] latencies = new long[count];
        int[] statuses = new int[count];
        ExecutorService senders = Executors.newCachedThreadPool(daemon("bench-paced"));
        ScheduledExecutorService clock = Executors.newSingleThreadScheduledExecutor(daemon("bench-clock"));
        CountDownLatch done = new CountDownLatch(count);
        AtomicInteger next = new AtomicInteger();
        long began = System.nanoTime();
        clock.scheduleAtFixedRate(() -> {
            int i = next.getAndIncrement();
            if (i >= count) {
                return;
            }
            long start = System.nanoTime();
            senders.execute(() -> {
                statuses[i] = call.apply(i);
                latencies[i] = System.nanoTime() - start;
                done.countDown();
            });
        }, 0, 1_000_000_000L / rate, TimeUnit.NANOSECONDS);
        done.await(seconds + PHASE_LIMIT.toSeconds(), TimeUnit.SECONDS);
        clock.shutdownNow();
        senders.shutdown();
        return new Calls(latencies, statuses, System.nanoTime() - began, System.currentTimeMillis());
    }

    /** Registers one more delegate and returns her id, for the calls that read one delegate. */
    private String someDelegate(String base) throws IOException, InterruptedException {
        String body = """
                {"convoyId":"%s","givenName":"Ana","familyName":"Lectora","email":"%s",
                 "preferredLanguage":"es","role":"BUSINESS_DELEGATE","state":"MX-JAL","municipality":"Zapopan",
                 "organization":"Cámara de Comercio","position":"Directora","sectors":["FINTECH"],
                 "axes":["ECONOMIC"],"channels":["EMAIL"],"privacyConsent":true}""".formatted(convoyId, nextEmail("read"));
        String answer = http.send(HttpRequest.newBuilder(URI.create(base + "api/registrations"))
                .header("Content-Type", "application/json").timeout(Duration.ofSeconds(30))
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString()).body();
        Matcher id = Pattern.compile("\"delegateId\":\"([0-9a-f-]{36})\"").matcher(answer);
        if (!id.find()) {
            throw new PlatformException("Could not register a delegate to read: " + answer);
        }
        return id.group(1);
    }

    private int registration(String base, String phase) {
        return register(base, nextEmail(phase));
    }

    private String nextEmail(String phase) {
        return "bench-" + phase + "-" + emailSequence.incrementAndGet() + "@bench.example";
    }

    private int register(String base, String email) {
        String body = """
                {"convoyId":"%s","givenName":"Delegada","familyName":"De Prueba","email":"%s",
                 "preferredLanguage":"es","role":"BUSINESS_DELEGATE","state":"MX-JAL","municipality":"Zapopan",
                 "organization":"Cámara de Comercio","position":"Directora","sectors":["FINTECH"],
                 "axes":["ECONOMIC"],"channels":["EMAIL"],"privacyConsent":true}""".formatted(convoyId, email);
        return send(HttpRequest.newBuilder(URI.create(base + "api/registrations"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    private int get(String url, String token) {
        return send(HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + token).GET());
    }

    private int send(HttpRequest.Builder request) {
        try {
            return http.send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.discarding())
                    .statusCode();
        } catch (IOException e) {
            return 0;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 0;
        }
    }

    String login(String gateway) throws IOException, InterruptedException {
        String credentials = "{\"username\":\"" + config.adminUsername() + "\",\"password\":\"" + config.adminPassword()
                + "\"}";
        String answer = http.send(HttpRequest.newBuilder(URI.create(gateway + "api/auth/login"))
                .header("Content-Type", "application/json").timeout(Duration.ofSeconds(30))
                .POST(HttpRequest.BodyPublishers.ofString(credentials)).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        Matcher token = Pattern.compile("\"accessToken\":\"([^\"]+)\"").matcher(answer);
        if (!token.find()) {
            throw new PlatformException("Could not log in as the administrator: " + answer);
        }
        return token.group(1);
    }

    // --- observing the platform ---

    /** @return when the last of {@code expected} emails arrived (epoch ms), or -1 when they did not within the limit */
    private long waitForMail(String prefix, int expected, Duration limit) throws InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        while (System.nanoTime() < deadline) {
            List<MailCatcher.Receipt> receipts = platform.mail().receipts().stream()
                    .filter(receipt -> receipt.to().startsWith(prefix)).toList();
            long recipients = receipts.stream().map(MailCatcher.Receipt::to).distinct().count();
            if (recipients >= expected) {
                return receipts.stream().mapToLong(MailCatcher.Receipt::receivedAtMillis).max().orElse(-1);
            }
            Thread.sleep(250);
        }
        return -1;
    }

    private long waitForRelay(long before, long atLeast) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
        long published = eventsPublished();
        while (published - before < atLeast && System.nanoTime() < deadline) {
            Thread.sleep(250);
            published = eventsPublished();
        }
        return published;
    }

    /**
     * The events registration has published so far: the end offsets of its topics, asked of the broker. (Scraping
     * the service's metrics for this, four times a second, cost the run more CPU than the figure is worth.)
     */
    private long eventsPublished() {
        try {
            if (admin == null) {
                Properties properties = new Properties();
                properties.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, platform.kafkaBootstrapServers());
                admin = Admin.create(properties);
            }
            Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
            for (TopicDescription topic : admin.describeTopics(REGISTRATION_TOPICS).allTopicNames().get().values()) {
                topic.partitions().forEach(partition -> latest.put(
                        new TopicPartition(topic.name(), partition.partition()), OffsetSpec.latest()));
            }
            return admin.listOffsets(latest).all().get().values().stream()
                    .mapToLong(ListOffsetsResult.ListOffsetsResultInfo::offset).sum();
        } catch (ExecutionException e) {
            return 0;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 0;
        }
    }

    private long pidOf(String name) {
        return platform.services().stream().filter(service -> service.name().equals(name)).findFirst()
                .orElseThrow().pid();
    }

    /** User and system CPU time of a process so far, from /proc. */
    private static long cpuMillis(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) * 10;
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }

    private static long residentMiB(long pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024;
                }
            }
        } catch (IOException | RuntimeException e) {
            return -1;
        }
        return -1;
    }

    // --- the report ---

    private void writeReport() throws IOException {
        StringBuilder report = new StringBuilder("# Convoy benchmark\n\n");
        report.append("Run ").append(Instant.now()).append(" on ").append(Runtime.getRuntime().availableProcessors())
                .append(" cores, Java ").append(System.getProperty("java.version")).append(", ")
                .append(System.getProperty("os.name")).append(' ').append(System.getProperty("os.arch"))
                .append(", the local platform's embedded store and broker").append(settings.smoke() ? " (smoke run)" : "")
                .append(".\n\n");
        report.append("| Measurement | Figure |\n|---|---|\n");
        figures.forEach((what, figure) -> report.append("| ").append(what).append(" | ").append(figure).append(" |\n"));
        if (settings.runs("registration")) {
            report.append("\n![Time per registration](registration-curve.png)\n\n")
                    .append("![Latency against rate](latency-by-rate.png)\n");
        }
        if (settings.runs("scheduling")) {
            report.append("\n![Time per confirmation](confirmation-curve.png)\n");
        }
        notes.forEach(note -> report.append("\n").append(note).append('\n'));
        Path file = settings.report().resolve("report.md");
        Files.writeString(file, report);
        say("Report: " + file.toAbsolutePath());
        System.out.println(report);
    }

    private synchronized void stop() {
        if (admin != null) {
            admin.close(Duration.ofSeconds(5));
            admin = null;
        }
        if (platform != null) {
            platform.close();
            platform = null;
        }
    }

    static void say(String line) {
        System.out.println("[bench] " + line);
    }

    private static String seconds(long nanos) {
        return String.format(Locale.ROOT, "%.1f s", nanos / 1e9);
    }

    static String millis(long nanos) {
        return String.format(Locale.ROOT, "%.1f ms", nanos / 1e6);
    }

    private static String rate(long count, long nanos) {
        return String.format(Locale.ROOT, "%.0f/s", count / (nanos / 1e9));
    }

    private static String ratio(Calls direct, Calls gateway) {
        double directRate = direct.size() / (direct.elapsedNanos() / 1e9);
        double gatewayRate = gateway.size() / (gateway.elapsedNanos() / 1e9);
        return String.format(Locale.ROOT, "%.0f/s / %.0f/s; %.2f×", directRate, gatewayRate, gatewayRate / directRate);
    }

    private static java.util.concurrent.ThreadFactory daemon(String name) {
        AtomicInteger number = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, name + "-" + number.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }

    /** The figures in the order measured; each is printed as soon as it is known. */
    static final class Figures {

        private final Map<String, String> measured = new LinkedHashMap<>();

        void put(String what, String figure) {
            measured.put(what, figure);
            say(what + ": " + figure);
        }

        void forEach(java.util.function.BiConsumer<String, String> each) {
            measured.forEach(each);
        }
    }

    /** What a load phase saw: each call's latency and status, in the order the calls were made. */
    record Calls(long[] latencies, int[] statuses, long elapsedNanos, long lastEndMillis) {

        static Calls of(List<Long> latencies) {
            return new Calls(latencies.stream().mapToLong(Long::longValue).toArray(), new int[latencies.size()], 0, 0);
        }

        int size() {
            return latencies.length;
        }

        int accepted() {
            return count(status -> status == 201);
        }

        int count(java.util.function.IntPredicate which) {
            return (int) Arrays.stream(statuses).filter(which).count();
        }

        long percentile(int p) {
            return percentile(p, 0, latencies.length);
        }

        long percentile(int p, int from, int to) {
            if (to <= from) {
                return 0;
            }
            long[] sorted = Arrays.copyOfRange(latencies, from, to);
            Arrays.sort(sorted);
            return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p / 100.0 * sorted.length) - 1)];
        }
    }
}
