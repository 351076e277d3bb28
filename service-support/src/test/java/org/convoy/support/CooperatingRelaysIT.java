package org.convoy.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;

import ch.qos.logback.classic.Level;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.model.Filters;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.bson.Document;
import org.convoy.events.EventHeaders;
import org.convoy.support.outbox.EventSender;
import org.convoy.support.outbox.OutboxEntry;
import org.convoy.support.outbox.OutboxProperties;
import org.convoy.support.outbox.OutboxRelay;
import org.convoy.support.test.EventProbe;
import org.convoy.support.test.MongoWireStore;
import org.convoy.support.test.MutableClock;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

/**
 * Two instances of a service, as two relays with their own owners and their own Kafka producers, on one
 * MongoDB-wire store and one KRaft broker: the aggregates both instances save go out once each, in order, and what a
 * killed instance was publishing goes out from the other once its claims end.
 */
class CooperatingRelaysIT {

    private static final Logger log = LoggerFactory.getLogger(CooperatingRelaysIT.class);
    private static final String TOPIC = "convoy.cooperation";
    /** Long enough that no claim ends by itself on a busy machine; the test ends them by moving the clock. */
    private static final Duration CLAIM_FOR = Duration.ofMinutes(1);
    private static final Duration POLL = Duration.ofMillis(100);
    private static EmbeddedKafkaKraftBroker kafka;

    private final String database = "relays-" + UUID.randomUUID().toString().substring(0, 8);
    private final MongoClient client = MongoClients.create(MongoWireStore.connectionString(database));
    private final MongoTemplate mongo = new MongoTemplate(client, database);
    private final MutableClock clock = new MutableClock();
    private final List<AutoCloseable> closing = new ArrayList<>();
    /** What each aggregate recorded, in its order: the sequence number of each event by its id, per aggregate. */
    private final Map<String, Map<String, Integer>> recorded = new ConcurrentHashMap<>();
    private final List<String> aggregates = new CopyOnWriteArrayList<>();

    @BeforeAll
    static void startBroker() {
        for (String quiet : List.of("kafka", "org.apache.kafka", "state.change.logger", "org.mongodb.driver")) {
            ((ch.qos.logback.classic.Logger) LoggerFactory.getLogger(quiet)).setLevel(Level.WARN);
        }
        kafka = new EmbeddedKafkaKraftBroker(1, 3, TOPIC);
        kafka.afterPropertiesSet();
    }

    @AfterAll
    static void stopBroker() {
        kafka.destroy();
    }

    @AfterEach
    void close() throws Exception {
        for (int i = closing.size() - 1; i >= 0; i--) {
            closing.get(i).close();
        }
        client.close();
    }

    @org.springframework.data.mongodb.core.mapping.Document("parcels")
    record Parcel(@Id String id) {
    }

    @Test
    void twoInstancesSavingAndRelayingTheSameAggregatesPublishEveryEventOnceInOrder() throws Exception {
        try (EventProbe topic = new EventProbe(kafka.getBrokersAsString(), TOPIC)) {
            Instance a = instance("instance-a");
            Instance b = instance("instance-b");

            long started = System.nanoTime();
            runSideBySide(() -> write(a, 300, 1), () -> write(b, 300, 2));
            int expected = recorded.values().stream().mapToInt(Map::size).sum();
            List<ConsumerRecord<String, byte[]>> records = awaitAll(topic, expected);
            long tookMillis = (System.nanoTime() - started) / 1_000_000;

            assertOncePerEventInOrder(records, expected);
            log.info("Two relays published {} events of {} aggregates as {} records ({} by a, {} by b) in {} ms",
                    expected, aggregates.size(), records.size(), a.sender.sent.size(), b.sender.sent.size(),
                    tookMillis);
            assertThat(a.sender.sent).as("instance a published its share").isNotEmpty();
            assertThat(b.sender.sent).as("instance b published its share").isNotEmpty();
            assertThat(mongo.findAll(Document.class, "parcels"))
                    .allSatisfy(parcel -> assertThat(parcel.getList(OutboxEntry.FIELD, Document.class)).isEmpty());
        }
    }

    @Test
    void whatAKilledInstanceHeldGoesOutFromTheOtherOnceItsClaimsEndAndNothingIsLost() throws Exception {
        try (EventProbe topic = new EventProbe(kafka.getBrokersAsString(), TOPIC)) {
            Instance a = instance("instance-a");
            Instance b = instance("instance-b");

            runSideBySide(() -> write(a, 150, 3), () -> write(b, 150, 4));
            // Instance a is killed while publishing: its sends under way reach the broker, and nothing after that
            // happens in it (no acknowledgement, no removal, no release of its claims). It takes requests until then.
            a.sender.killAfterNextSend();
            runSideBySide(() -> write(a, 1_000, 5, a.sender::killed), () -> write(b, 100, 6));
            await().atMost(Duration.ofSeconds(20)).until(a.sender::killed);
            write(b, 150, 7);
            int expected = recorded.values().stream().mapToInt(Map::size).sum();

            Set<String> heldByA = new LinkedHashSet<>(mongo.findAll(Document.class, "outbox_claims").stream()
                    .filter(claim -> "instance-a".equals(claim.getString("owner")))
                    .map(claim -> claim.getString("aggregateId")).toList());
            assertThat(heldByA).as("a was publishing when it was killed").isNotEmpty();
            Set<String> sentNotRemoved = new LinkedHashSet<>(pendingOf(heldByA));
            sentNotRemoved.retainAll(a.sender.sent);
            Set<String> leftInHeld = recorded.entrySet().stream().filter(e -> heldByA.contains(e.getKey()))
                    .flatMap(e -> e.getValue().keySet().stream()).collect(Collectors.toSet());

            // Everything but what a held goes out from b; what a held waits for its claims to end.
            await().atMost(Duration.ofSeconds(30)).until(() -> topic.records().stream()
                    .map(r -> EventProbe.header(r, EventHeaders.EVENT_ID)).collect(Collectors.toSet())
                    .containsAll(recorded.values().stream().flatMap(e -> e.keySet().stream())
                            .filter(id -> !leftInHeld.contains(id)).toList()));
            assertThat(pendingOf(heldByA)).as("held by a, still pending").isNotEmpty();

            clock.set(clock.instant().plus(CLAIM_FOR));
            long expiredAt = System.nanoTime();
            List<ConsumerRecord<String, byte[]>> records = awaitAll(topic, expected);
            long takeoverMillis = (System.nanoTime() - expiredAt) / 1_000_000;

            Map<String, Long> seen = records.stream().collect(Collectors.groupingBy(
                    r -> EventProbe.header(r, EventHeaders.EVENT_ID), Collectors.counting()));
            Set<String> duplicated = seen.entrySet().stream().filter(e -> e.getValue() > 1).map(Map.Entry::getKey)
                    .collect(Collectors.toSet());
            log.info("Killed relay held {} aggregates; {} events went out as {} records ({} repeated), the last {} ms "
                    + "after the claims ended", heldByA.size(), expected, records.size(), duplicated.size(),
                    takeoverMillis);
            assertThat(seen.keySet()).as("nothing lost").containsAll(recorded.values().stream()
                    .flatMap(e -> e.keySet().stream()).toList());
            assertThat(duplicated).as("sent again: exactly what the killed instance had sent and not yet removed")
                    .isEqualTo(sentNotRemoved);
            assertInOrder(records);
            assertThat(pendingOf(heldByA)).isEmpty();
            assertThat(takeoverMillis).as("a pass or two after the claims ended").isLessThan(5_000);
        }
    }

    // --- the instances ---

    /** One instance: its relay, running, with its own producer. */
    private record Instance(OutboxRelay relay, KillableSender sender) {
    }

    private Instance instance(String owner) {
        KillableSender sender = new KillableSender(kafka.getBrokersAsString());
        OutboxRelay relay = new OutboxRelay(mongo, sender,
                new OutboxProperties(List.of("parcels"), POLL, 50, Duration.ofMillis(200), 4, CLAIM_FOR),
                new SimpleMeterRegistry(), owner, clock);
        relay.start();
        closing.add(sender);
        closing.add(() -> {
            sender.release();
            relay.close();
            relay.stop();
        });
        return new Instance(relay, sender);
    }

    /**
     * Sends to the test topic with a producer of its own, waiting for the broker's acknowledgement, as the platform's
     * sender does. Once killed, the send under way on each lane reaches the broker and then never returns, as in a
     * process killed at that moment.
     */
    private static final class KillableSender implements EventSender, AutoCloseable {

        private final KafkaProducer<String, String> producer;
        final List<String> sent = new CopyOnWriteArrayList<>();
        private final CountDownLatch dead = new CountDownLatch(1);
        private volatile boolean killing;
        private final AtomicInteger frozen = new AtomicInteger();

        KillableSender(String brokers) {
            Properties properties = new Properties();
            properties.put("bootstrap.servers", brokers);
            properties.put("acks", "all");
            properties.put("enable.idempotence", "true");
            producer = new KafkaProducer<>(properties, new StringSerializer(), new StringSerializer());
        }

        @Override
        public void send(OutboxEntry entry) throws Exception {
            ProducerRecord<String, String> record = new ProducerRecord<>(TOPIC, entry.key(), entry.payload());
            record.headers().add(EventHeaders.EVENT_ID, entry.eventId().getBytes(StandardCharsets.UTF_8));
            record.headers().add(EventHeaders.EVENT_TYPE, entry.type().getBytes(StandardCharsets.UTF_8));
            producer.send(record).get(10, TimeUnit.SECONDS);
            sent.add(entry.eventId());
            if (killing) {
                frozen.incrementAndGet();
                dead.await();
                throw new IllegalStateException("killed");
            }
        }

        void killAfterNextSend() {
            killing = true;
        }

        boolean killed() {
            return frozen.get() > 0;
        }

        void release() {
            dead.countDown();
        }

        @Override
        public void close() {
            producer.close(Duration.ofSeconds(5));
        }
    }

    // --- the writers ---

    private void write(Instance instance, int changes, long seed) {
        write(instance, changes, seed, () -> false);
    }

    /**
     * Makes {@code changes} changes through one instance, as its requests would: a new aggregate with one event, or
     * one more event on an aggregate either instance created, saved whole under the aggregate's version (and saved
     * again over the fresh state when the other instance or a relay's removal changed it first), then the instance's
     * relay is nudged.
     */
    private void write(Instance instance, int changes, long seed, BooleanSupplier stop) {
        Random random = new Random(seed);
        var parcels = mongo.getCollection("parcels");
        for (int change = 0; change < changes && !stop.getAsBoolean(); change++) {
            if (aggregates.size() < 10 || random.nextInt(4) == 0) {
                String id = UUID.randomUUID().toString();
                String eventId = UUID.randomUUID().toString();
                parcels.insertOne(new Document("_id", id).append("version", 0L).append("events", 1)
                        .append(OutboxEntry.FIELD, List.of(entry(id, eventId, 1))));
                recorded.computeIfAbsent(id, key -> new ConcurrentHashMap<>()).put(eventId, 1);
                aggregates.add(id);
                instance.relay().nudge(new Parcel(id));
                continue;
            }
            String id = aggregates.get(random.nextInt(aggregates.size()));
            while (true) {
                Document parcel = parcels.find(Filters.eq("_id", id)).first();
                int sequence = parcel.getInteger("events") + 1;
                String eventId = UUID.randomUUID().toString();
                List<Document> outbox = new ArrayList<>(parcel.getList(OutboxEntry.FIELD, Document.class));
                outbox.add(entry(id, eventId, sequence));
                long version = parcel.getLong("version");
                Document saved = new Document(parcel).append("version", version + 1).append("events", sequence)
                        .append(OutboxEntry.FIELD, outbox);
                if (parcels.replaceOne(Filters.and(Filters.eq("_id", id), Filters.eq("version", version)), saved)
                        .getModifiedCount() == 1) {
                    recorded.get(id).put(eventId, sequence);
                    break;
                }
            }
            instance.relay().nudge(new Parcel(id));
        }
    }

    private Document entry(String aggregate, String eventId, int sequence) {
        OutboxEntry entry = new OutboxEntry(eventId, "ParcelNoted", TOPIC, aggregate,
                "{\"sequence\":" + sequence + "}", Instant.now());
        Document document = new Document();
        mongo.getConverter().write(entry, document);
        return document;
    }

    private static void runSideBySide(Runnable... writers) throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(writers.length);
        try {
            List<Future<?>> running = new ArrayList<>();
            for (Runnable writer : writers) {
                running.add(threads.submit(writer));
            }
            for (Future<?> writer : running) {
                writer.get(60, TimeUnit.SECONDS);
            }
        } finally {
            threads.shutdownNow();
        }
    }

    // --- what is on the topic ---

    private List<ConsumerRecord<String, byte[]>> awaitAll(EventProbe topic, int expected) {
        Set<String> all = recorded.values().stream().flatMap(e -> e.keySet().stream()).collect(Collectors.toSet());
        await().atMost(Duration.ofSeconds(60)).until(() -> topic.records().stream()
                .map(r -> EventProbe.header(r, EventHeaders.EVENT_ID)).collect(Collectors.toSet()).containsAll(all));
        assertThat(all).hasSize(expected);
        // One more poll, for any duplicate still on its way behind the last first copy.
        topic.records();
        return topic.records().stream().filter(r -> recorded.containsKey(r.key())).toList();
    }

    private void assertOncePerEventInOrder(List<ConsumerRecord<String, byte[]>> records, int expected) {
        assertThat(records).as("records on the topic: every event once, no duplicate").hasSize(expected);
        assertInOrder(records);
    }

    /** Each aggregate's events, first copies only, come in the order the aggregate recorded them. */
    private void assertInOrder(List<ConsumerRecord<String, byte[]>> records) {
        Map<String, List<Integer>> firstCopies = new HashMap<>();
        Set<String> seen = new java.util.HashSet<>();
        for (ConsumerRecord<String, byte[]> record : records) {
            String eventId = EventProbe.header(record, EventHeaders.EVENT_ID);
            if (seen.add(eventId)) {
                firstCopies.computeIfAbsent(record.key(), key -> new ArrayList<>())
                        .add(recorded.get(record.key()).get(eventId));
            }
        }
        Map<String, List<Integer>> inOrder = new LinkedHashMap<>();
        recorded.forEach((aggregate, events) -> inOrder.put(aggregate,
                events.values().stream().sorted().toList()));
        assertThat(firstCopies).as("each aggregate's events in the order recorded").isEqualTo(inOrder);
    }

    private List<String> pendingOf(Set<String> ids) {
        return mongo.findAll(Document.class, "parcels").stream().filter(p -> ids.contains(p.getString("_id")))
                .flatMap(p -> p.getList(OutboxEntry.FIELD, Document.class).stream())
                .map(e -> e.getString("eventId")).toList();
    }
}
