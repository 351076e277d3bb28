package org.convoy.local;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.GroupListing;
import org.apache.kafka.clients.admin.ListGroupsOptions;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.bson.Document;
import org.convoy.events.EventHeaders;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What the fault suite holds the platform to once the faults are over and it has settled, read from outside: the
 * SMTP server and SMS provider of the suite's own, the organizers' API, the topics and the stores.
 */
final class FaultChecks {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String DEAD_LETTERS = "convoy.notification.dead-letters";
    private static final List<String> DATABASES = List.of("convoy-registration", "convoy-scheduling",
            "convoy-notification", "convoy-gateway");

    record Window(long loadStarted, long faultsFrom, long faultsUntil) {
    }

    /**
     * One kind of acknowledged work: how much, how much was done exactly once, lost, done twice as two different
     * deliveries, and the same notice delivered again (the same message id: the documented window of a crash between
     * the provider's acceptance and the ledger's SENT).
     */
    record Row(String what, long acknowledged, long once, long lost, long duplicated, long sameNoticeAgain) {
    }

    record Outcome(List<Row> rows, List<String[]> faults, List<String[]> figures, List<String> problems) {

        boolean held() {
            return problems.isEmpty();
        }

        String table() {
            StringBuilder out = new StringBuilder();
            out.append("| acknowledged work | acknowledged | exactly once | lost | duplicated | same notice again |\n");
            out.append("|---|---:|---:|---:|---:|---:|\n");
            for (Row row : rows) {
                out.append("| ").append(row.what()).append(" | ").append(row.acknowledged()).append(" | ")
                        .append(row.once()).append(" | ").append(row.lost()).append(" | ").append(row.duplicated())
                        .append(" | ").append(row.sameNoticeAgain()).append(" |\n");
            }
            out.append("\n| process killed (SIGKILL) | kills | worst delay to the welcome, registrations acknowledged "
                    + "in the 20 s after a kill: median of kills / max |\n|---|---:|---|\n");
            for (String[] fault : faults) {
                out.append("| ").append(String.join(" | ", fault)).append(" |\n");
            }
            out.append("\n| measured | |\n|---|---|\n");
            for (String[] figure : figures) {
                out.append("| ").append(figure[0]).append(" | ").append(figure[1]).append(" |\n");
            }
            return out.toString();
        }

        String report(String settings) {
            return "# Fault suite report\n\nRun " + Instant.now() + " with " + settings + "\n\n" + table() + "\n"
                    + (held() ? "The platform held: nothing lost, nothing sent twice.\n"
                            : "Problems:\n\n" + problems.stream().map(p -> "- " + p).collect(Collectors.joining("\n"))
                                    + "\n");
        }
    }

    private final Platform platform;
    private final SmsStub sms;
    private final FaultLoad.Credentials organizer;
    private final Map<String, String> poison = new LinkedHashMap<>();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    FaultChecks(Platform platform, SmsStub sms, FaultLoad.Credentials organizer) {
        this.platform = platform;
        this.sms = sms;
        this.organizer = organizer;
    }

    /** Two poison events on every event topic: one that is not JSON and has no type, one of a type nobody knows. */
    void injectPoison(String run) {
        Properties settings = new Properties();
        settings.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, platform.kafkaBootstrapServers());
        settings.put(ProducerConfig.ACKS_CONFIG, "all");
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(settings, new StringSerializer(),
                new StringSerializer())) {
            for (String topic : FaultSuite.EVENT_TOPICS) {
                String untyped = "poison-" + run + "-" + topic + "-untyped";
                String unknown = "poison-" + run + "-" + topic + "-unknown";
                producer.send(new ProducerRecord<>(topic, untyped, "{not json at all"));
                ProducerRecord<String, String> record = new ProducerRecord<>(topic, unknown, "{\"eventId\":\"x\"}");
                record.headers().add(EventHeaders.EVENT_TYPE, "NoSuchEvent".getBytes(StandardCharsets.UTF_8));
                record.headers().add(EventHeaders.EVENT_ID, ("poison-" + run + "-" + topic).getBytes(StandardCharsets.UTF_8));
                producer.send(record);
                poison.put(untyped, topic);
                poison.put(unknown, topic);
            }
            producer.flush();
        }
    }

    Outcome settle(FaultLoad load, Window window, List<FaultSuite.Kill> kills, Duration limit) throws Exception {
        Map<String, FaultLoad.Registered> byId = new HashMap<>();
        load.registered().forEach(delegate -> byId.put(delegate.delegateId(), delegate));
        List<Expectation> expected = expectations(load, byId);
        long deadline = System.currentTimeMillis() + limit.toMillis();
        long missing = missing(expected);
        while (missing > 0 && System.currentTimeMillis() < deadline) {
            FaultLoad.pause(Duration.ofSeconds(2));
            missing = missing(expected);
        }
        long settledAt = System.currentTimeMillis();
        FaultSuite.say("Notices " + (missing == 0 ? "all delivered" : missing + " still missing") + " "
                + FaultSuite.seconds(settledAt - window.faultsUntil()) + " after the faults ended");
        Map<String, Long> lag = awaitNoLag(Duration.ofMinutes(2));
        Map<String, String> outboxes = outboxes();

        List<String> problems = new ArrayList<>();
        List<Row> rows = new ArrayList<>();
        String token = FaultLoad.login(platform.gatewayUrls(), organizer);
        String convoyId = load.convoyId();
        rows.add(stored("registrations stored by registration", load.registered(),
                registrationEmails(convoyId, token), FaultLoad.Registered::email));
        rows.add(stored("registrations known to scheduling", load.registered(),
                schedulingDelegates(convoyId, token), FaultLoad.Registered::delegateId));
        Map<String, List<MailCatcher.Receipt>> mail = platform.mail().receipts().stream()
                .filter(receipt -> receipt.to().endsWith("@faults.example"))
                .collect(Collectors.groupingBy(receipt -> receipt.to() + "|" + kindOf(receipt.subject())));
        Map<String, List<SmsStub.Text>> texts = sms.received().stream()
                .collect(Collectors.groupingBy(text -> text.to() + "|" + kindOfText(text.body())));
        for (String kind : List.of("welcome email", "approval email", "invitation email", "approval text",
                "invitation text")) {
            List<Expectation> ofKind = expected.stream().filter(e -> e.kind().equals(kind)).toList();
            long once = 0;
            long lost = 0;
            long duplicated = 0;
            long again = 0;
            for (Expectation e : ofKind) {
                int delivered = e.delivered();
                int distinct = e.distinct();
                if (delivered == 0) {
                    lost++;
                    problems.add(kind + " to " + e.to() + " (acknowledged " + Instant.ofEpochMilli(e.ackedAt()) + ") lost");
                } else if (distinct > 1) {
                    duplicated++;
                    problems.add(kind + " to " + e.to() + " delivered " + distinct + " times as different notices");
                } else if (delivered > 1) {
                    again++;
                } else {
                    once++;
                }
            }
            rows.add(new Row(kind + "s", ofKind.size(), once, lost, duplicated, again));
        }
        // Work never acknowledged (an answer lost with a process) may have happened, but at most once.
        long unacknowledgedTwice = mail.values().stream()
                .filter(list -> !"other".equals(kindOf(list.get(0).subject())))
                .filter(list -> list.stream().map(MailCatcher.Receipt::messageId).distinct().count() > 1).count();
        long textsTwice = texts.entrySet().stream().filter(entry -> entry.getValue().size() > 1).count();
        for (Row row : rows) {
            if (row.lost() > 0 || row.duplicated() > 0) {
                problems.add(row.what() + ": " + row.lost() + " lost, " + row.duplicated() + " duplicated");
            }
        }
        if (unacknowledgedTwice > 0) {
            problems.add(unacknowledgedTwice + " recipients got one kind of email as different notices more than once");
        }
        lag.forEach((group, behind) -> {
            if (behind > 0) {
                problems.add("consumer group " + group + " is " + behind + " records behind");
            }
        });
        outboxes.forEach((database, pending) -> problems.add("outbox of " + database + " still holds " + pending));

        Map<String, Long> deadLettered = deadLettered();
        poison.forEach((key, topic) -> {
            if (deadLettered.getOrDefault(key, 0L) == 0) {
                problems.add("poison event " + key + " on " + topic + " is not among the dead letters");
            }
        });

        List<Long> delays = new ArrayList<>();
        Map<String, List<Long>> worstAfterKill = new TreeMap<>();
        Map<String, Long> welcome = firstWelcome();
        for (FaultLoad.Registered delegate : load.registered()) {
            Long at = welcome.get(delegate.email());
            if (at != null && delegate.ackedAt() >= window.faultsFrom() && delegate.ackedAt() <= window.faultsUntil()) {
                delays.add(at - delegate.ackedAt());
            }
        }
        long killWindow = kills.size() > 1 ? kills.get(1).atMillis() - kills.get(0).atMillis() : 20_000;
        for (FaultSuite.Kill kill : kills) {
            long worst = 0;
            for (FaultLoad.Registered delegate : load.registered()) {
                Long at = welcome.get(delegate.email());
                if (at != null && delegate.ackedAt() >= kill.atMillis() && delegate.ackedAt() < kill.atMillis() + killWindow) {
                    worst = Math.max(worst, at - delegate.ackedAt());
                }
            }
            worstAfterKill.computeIfAbsent(kill.kind(), kind -> new ArrayList<>()).add(worst);
        }
        List<String[]> faults = new ArrayList<>();
        worstAfterKill.forEach((kind, worst) -> faults.add(new String[] { kind, String.valueOf(worst.size()),
                FaultSuite.seconds(percentile(worst, 50)) + " / " + FaultSuite.seconds(percentile(worst, 100)) }));

        Publishes publishes = publishes(window.faultsFrom());
        List<String[]> figures = new ArrayList<>();
        figures.add(new String[] { "faults injected (SIGKILL)", kills.size() + " in "
                + FaultSuite.seconds(window.faultsUntil() - window.faultsFrom()) });
        figures.add(new String[] { "calls made / answered with no answer (a process killed under them)",
                load.attempts() + " / " + load.unanswered() });
        figures.add(new String[] { "answers 400 and above, by call", String.valueOf(new TreeMap<>(load.refusals())) });
        figures.add(new String[] { "delay from the 201 to the welcome email during the faults: p50 / p99 / max ("
                + delays.size() + " registrations)", FaultSuite.seconds(percentile(delays, 50)) + " / "
                        + FaultSuite.seconds(percentile(delays, 99)) + " / " + FaultSuite.seconds(percentile(delays, 100)) });
        figures.add(new String[] { "time from the end of the faults until every notice was delivered",
                FaultSuite.seconds(settledAt - window.faultsUntil()) });
        figures.add(new String[] { "records published on convoy.delegates and convoy.meetings before the first kill: "
                + "all / repeats of an event", publishes.calm() + " / " + publishes.calmRepeats() });
        figures.add(new String[] { "records published in the whole run: all / repeats of an event (a relay killed "
                + "between the broker's acknowledgement and the entry's removal)", publishes.all() + " / "
                        + publishes.repeats() });
        figures.add(new String[] { "consumer groups behind after settling", lag.values().stream().anyMatch(v -> v > 0)
                ? lag.toString() : "none (" + lag.size() + " groups)" });
        figures.add(new String[] { "outbox entries left", outboxes.isEmpty() ? "none" : outboxes.toString() });
        figures.add(new String[] { "poison events injected / found among the dead letters", poison.size() + " / "
                + poison.keySet().stream().filter(key -> deadLettered.getOrDefault(key, 0L) > 0).count() });
        figures.add(new String[] { "recipients with the same kind of message twice in all the run (texts, all kinds)",
                String.valueOf(textsTwice) });
        load.refusals().keySet().stream().filter(call -> call.startsWith("500")).forEach(call -> problems.add(
                "answered 500: " + call));
        if (publishes.calmRepeats() > 0) {
            problems.add(publishes.calmRepeats() + " repeated publishes before any fault: relays raced");
        }
        return new Outcome(rows, faults, figures, problems);
    }

    // --- expectations ---

    /** One notice the platform owes: to whom, of which kind, since when, and how to find it. */
    private record Expectation(String kind, String to, long ackedAt, java.util.function.Supplier<List<String>> ids) {

        int delivered() {
            return ids.get().size();
        }

        int distinct() {
            return (int) ids.get().stream().distinct().count();
        }
    }

    private List<Expectation> expectations(FaultLoad load, Map<String, FaultLoad.Registered> byId) {
        List<Expectation> expected = new ArrayList<>();
        for (FaultLoad.Registered delegate : load.registered()) {
            expected.add(mailExpectation("welcome email", delegate.email(), FaultLoad.WELCOME, delegate.ackedAt()));
        }
        load.approved().forEach((id, at) -> {
            FaultLoad.Registered delegate = byId.get(id);
            expected.add(mailExpectation("approval email", delegate.email(), FaultLoad.APPROVED, at));
            if (delegate.texts()) {
                expected.add(textExpectation("approval text", delegate.phone(), "approval", at));
            }
        });
        for (FaultLoad.Confirmed meeting : load.confirmed()) {
            for (String id : meeting.attendeeIds()) {
                FaultLoad.Registered delegate = byId.get(id);
                expected.add(mailExpectation("invitation email", delegate.email(), FaultLoad.INVITATION,
                        meeting.ackedAt()));
                if (delegate.texts()) {
                    expected.add(textExpectation("invitation text", delegate.phone(), "invitation", meeting.ackedAt()));
                }
            }
        }
        return expected;
    }

    private Expectation mailExpectation(String kind, String to, String subject, long ackedAt) {
        return new Expectation(kind, to, ackedAt, () -> platform.mail().receipts().stream()
                .filter(receipt -> receipt.to().equals(to) && receipt.subject().startsWith(subject))
                .map(receipt -> receipt.messageId() + "@" + receipt.receivedAtMillis()).toList());
    }

    private Expectation textExpectation(String kind, String to, String textKind, long ackedAt) {
        return new Expectation(kind, to, ackedAt, () -> sms.received().stream()
                .filter(text -> text.to().equals(to) && kindOfText(text.body()).equals(textKind))
                .map(text -> text.body() + "@" + text.receivedAtMillis()).toList());
    }

    private long missing(List<Expectation> expected) {
        // One read of each store per pass, not one per expectation.
        List<MailCatcher.Receipt> receipts = platform.mail().receipts();
        List<SmsStub.Text> texts = sms.received();
        Set<String> mailed = new HashSet<>();
        receipts.forEach(receipt -> mailed.add(receipt.to() + "|" + kindOf(receipt.subject())));
        Set<String> texted = new HashSet<>();
        texts.forEach(text -> texted.add(text.to() + "|" + kindOfText(text.body())));
        return expected.stream().filter(e -> e.kind().endsWith("email")
                ? !mailed.contains(e.to() + "|" + e.kind().replace(" email", ""))
                : !texted.contains(e.to() + "|" + e.kind().replace(" text", ""))).count();
    }

    private Map<String, Long> firstWelcome() {
        Map<String, Long> first = new HashMap<>();
        for (MailCatcher.Receipt receipt : platform.mail().receipts()) {
            if ("welcome".equals(kindOf(receipt.subject()))) {
                first.merge(receipt.to(), receipt.receivedAtMillis(), Math::min);
            }
        }
        return first;
    }

    static String kindOf(String subject) {
        if (subject == null) {
            return "other";
        }
        if (subject.startsWith(FaultLoad.WELCOME)) {
            return "welcome";
        }
        if (subject.startsWith(FaultLoad.APPROVED)) {
            return "approval";
        }
        if (subject.startsWith(FaultLoad.INVITATION)) {
            return "invitation";
        }
        return "other";
    }

    static String kindOfText(String body) {
        if (body.contains("your registration is approved")) {
            return "approval";
        }
        if (body.contains(", meeting with ")) {
            return "invitation";
        }
        return "other";
    }

    private static <T> Row stored(String what, Collection<FaultLoad.Registered> acknowledged, Map<String, Long> counts,
            Function<FaultLoad.Registered, String> key) {
        long once = 0;
        long lost = 0;
        long duplicated = 0;
        for (FaultLoad.Registered delegate : acknowledged) {
            long count = counts.getOrDefault(key.apply(delegate), 0L);
            if (count == 0) {
                lost++;
            } else if (count > 1) {
                duplicated++;
            } else {
                once++;
            }
        }
        return new Row(what, acknowledged.size(), once, lost, duplicated, 0);
    }

    // --- the organizers' API ---

    private Map<String, Long> registrationEmails(String convoyId, String token) throws Exception {
        Map<String, Long> counts = new HashMap<>();
        for (int page = 0;; page++) {
            JsonNode found = get("api/registrations?convoyId=" + convoyId + "&size=500&page=" + page, token);
            JsonNode items = found.path("items");
            items.forEach(row -> counts.merge(row.path("email").asString(), 1L, Long::sum));
            if (items.size() < 500) {
                return counts;
            }
        }
    }

    private Map<String, Long> schedulingDelegates(String convoyId, String token) throws Exception {
        Map<String, Long> counts = new HashMap<>();
        get("api/scheduling/delegates?convoyId=" + convoyId, token)
                .forEach(delegate -> counts.merge(delegate.path("id").asString(), 1L, Long::sum));
        return counts;
    }

    private JsonNode get(String path, String token) throws Exception {
        HttpResponse<String> answer = http.send(HttpRequest.newBuilder(URI.create(platform.gatewayUrl() + path))
                .timeout(Duration.ofSeconds(60)).header("Authorization", "Bearer " + token).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        if (answer.statusCode() != 200) {
            throw new PlatformException("GET " + path + " answered " + answer.statusCode() + ": " + answer.body());
        }
        return JSON.readTree(answer.body());
    }

    // --- the topics ---

    /** Waits until no consumer group has records left to read; returns each group's records behind. */
    private Map<String, Long> awaitNoLag(Duration limit) throws Exception {
        long deadline = System.currentTimeMillis() + limit.toMillis();
        Map<String, Long> lag = lag();
        while (lag.values().stream().anyMatch(behind -> behind > 0) && System.currentTimeMillis() < deadline) {
            FaultLoad.pause(Duration.ofSeconds(2));
            lag = lag();
        }
        return lag;
    }

    private Map<String, Long> lag() throws Exception {
        try (Admin admin = admin()) {
            Map<String, Long> lag = new TreeMap<>();
            for (GroupListing group : admin.listGroups(ListGroupsOptions.forConsumerGroups()).all().get()) {
                Map<TopicPartition, OffsetAndMetadata> committed = admin
                        .listConsumerGroupOffsets(group.groupId()).partitionsToOffsetAndMetadata().get();
                Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
                committed.keySet().forEach(partition -> latest.put(partition, OffsetSpec.latest()));
                var ends = admin.listOffsets(latest).all().get();
                long behind = 0;
                for (Map.Entry<TopicPartition, OffsetAndMetadata> entry : committed.entrySet()) {
                    if (entry.getValue() != null && ends.containsKey(entry.getKey())) {
                        behind += Math.max(0, ends.get(entry.getKey()).offset() - entry.getValue().offset());
                    }
                }
                lag.put(group.groupId(), behind);
            }
            return lag;
        }
    }

    record Publishes(long all, long repeats, long calm, long calmRepeats) {
    }

    private Publishes publishes(long faultsFrom) {
        long all = 0;
        long calm = 0;
        Set<String> seen = new HashSet<>();
        Set<String> seenCalm = new HashSet<>();
        long repeats = 0;
        long calmRepeats = 0;
        for (String topic : List.of("convoy.delegates", "convoy.meetings")) {
            for (ConsumerRecord<byte[], byte[]> record : readAll(topic)) {
                Header id = record.headers().lastHeader(EventHeaders.EVENT_ID);
                if (id == null) {
                    continue;
                }
                String eventId = new String(id.value(), StandardCharsets.UTF_8);
                all++;
                if (!seen.add(eventId)) {
                    repeats++;
                }
                if (record.timestamp() < faultsFrom) {
                    calm++;
                    if (!seenCalm.add(eventId)) {
                        calmRepeats++;
                    }
                }
            }
        }
        return new Publishes(all, repeats, calm, calmRepeats);
    }

    /** How many dead letters name each record key, on every dead-letter topic. */
    private Map<String, Long> deadLettered() throws Exception {
        Set<String> topics;
        try (Admin admin = admin()) {
            topics = admin.listTopics().names().get().stream()
                    .filter(name -> name.startsWith("error.") || name.equals(DEAD_LETTERS)).collect(Collectors.toSet());
        }
        Map<String, Long> counts = new HashMap<>();
        for (String topic : topics) {
            for (ConsumerRecord<byte[], byte[]> record : readAll(topic)) {
                if (record.key() != null) {
                    counts.merge(new String(record.key(), StandardCharsets.UTF_8), 1L, Long::sum);
                }
            }
        }
        return counts;
    }

    private List<ConsumerRecord<byte[], byte[]>> readAll(String topic) {
        Properties settings = new Properties();
        settings.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, platform.kafkaBootstrapServers());
        settings.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        List<ConsumerRecord<byte[], byte[]>> records = new ArrayList<>();
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(settings, new ByteArrayDeserializer(),
                new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(30)).stream()
                    .map(info -> new TopicPartition(topic, info.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
            long deadline = System.currentTimeMillis() + 120_000;
            while (partitions.stream().anyMatch(p -> consumer.position(p) < ends.get(p))
                    && System.currentTimeMillis() < deadline) {
                consumer.poll(Duration.ofMillis(500)).forEach(records::add);
            }
        }
        return records;
    }

    private Admin admin() {
        return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, platform.kafkaBootstrapServers()));
    }

    // --- the stores ---

    /** Each database's pending outbox entries and the age of its oldest, where there are any. */
    private Map<String, String> outboxes() {
        Map<String, String> pending = new TreeMap<>();
        long deadline = System.currentTimeMillis() + 60_000;
        try (MongoClient client = MongoClients.create(platform.mongoUri("admin"))) {
            while (true) {
                pending.clear();
                for (String name : DATABASES) {
                    MongoDatabase database = client.getDatabase(name);
                    long entries = 0;
                    Instant oldest = null;
                    for (String collection : database.listCollectionNames()) {
                        for (Document document : database.getCollection(collection)
                                .find(new Document("outbox.0", new Document("$exists", true)))) {
                            for (Document entry : document.getList("outbox", Document.class)) {
                                entries++;
                                Object at = entry.get("occurredAt");
                                Instant when = at instanceof Date date ? date.toInstant() : null;
                                if (when != null && (oldest == null || when.isBefore(oldest))) {
                                    oldest = when;
                                }
                            }
                        }
                    }
                    if (entries > 0) {
                        pending.put(name, entries + (oldest == null ? "" : " (oldest from " + oldest + ")"));
                    }
                }
                if (pending.isEmpty() || System.currentTimeMillis() > deadline) {
                    return pending;
                }
                FaultLoad.pause(Duration.ofSeconds(1));
            }
        }
    }

    static long percentile(List<Long> values, int percentile) {
        if (values.isEmpty()) {
            return 0;
        }
        List<Long> sorted = values.stream().sorted().toList();
        int index = (int) Math.ceil(percentile / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, index)));
    }

}
