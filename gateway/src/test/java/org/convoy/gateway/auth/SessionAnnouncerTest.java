package org.convoy.gateway.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import com.mongodb.reactivestreams.client.MongoClient;
import com.mongodb.reactivestreams.client.MongoClients;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.convoy.events.EventCodec;
import org.convoy.events.EventHeaders;
import org.convoy.events.OrganizerAccessEnded;
import org.convoy.events.OrganizerLoggedOut;
import org.convoy.events.Topics;
import org.convoy.gateway.MovableClock;
import org.convoy.gateway.TestKafka;
import org.convoy.gateway.TestMongo;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.support.SendResult;

/**
 * Ended access reaches the session stream reliably: announced from the gateway's store, keyed by user name, marked
 * announced only once the broker has it, and never lost to a later ending of the same user.
 */
class SessionAnnouncerTest {

    private static final Instant ENDED = Instant.parse("2027-03-01T10:00:00.400Z");

    private final MovableClock clock = new MovableClock(ENDED);
    private final EventCodec codec = new EventCodec();
    private final List<ConsumerRecord<String, byte[]>> seen = new ArrayList<>();
    private MongoClient client;
    private EndedAccess ended;
    private RevokedTokens revoked;
    private Consumer<String, byte[]> sessions;
    private final List<KafkaTemplate<byte[], byte[]>> templates = new ArrayList<>();

    @BeforeEach
    void connect() {
        String database = "announcer-" + UUID.randomUUID().toString().substring(0, 8);
        client = MongoClients.create(TestMongo.connectionString(database));
        ReactiveMongoTemplate mongo = new ReactiveMongoTemplate(client, database);
        ended = new EndedAccess(mongo, clock, Duration.ofMinutes(15), Duration.ofSeconds(1));
        revoked = new RevokedTokens(mongo, clock, Duration.ofSeconds(1));
        Map<String, Object> config = new HashMap<>();
        config.put("bootstrap.servers", TestKafka.bootstrapServers());
        config.put("group.id", "announcer-test-" + UUID.randomUUID());
        config.put("auto.offset.reset", "earliest");
        sessions = new DefaultKafkaConsumerFactory<>(config, new StringDeserializer(), new ByteArrayDeserializer())
                .createConsumer();
        sessions.subscribe(List.of(Topics.SESSIONS));
    }

    @AfterEach
    void disconnect() {
        sessions.close();
        templates.forEach(KafkaTemplate::destroy);
        client.close();
    }

    @Test
    void anEndingIsAnnouncedOnTheSessionStreamKeyedByUserNameAndThenMarkedAnnounced() {
        String name = "lucia-" + UUID.randomUUID().toString().substring(0, 6);
        ended.end(name, OrganizerAccessEnded.DISABLED).block();

        announcer(TestKafka.bootstrapServers()).announce();

        ConsumerRecord<String, byte[]> record = announcedFor(name).get(0);
        assertThat(new String(record.headers().lastHeader(EventHeaders.EVENT_TYPE).value(), StandardCharsets.UTF_8))
                .isEqualTo("OrganizerAccessEnded");
        OrganizerAccessEnded event = codec.read(record.value(), OrganizerAccessEnded.class);
        assertThat(new String(record.headers().lastHeader(EventHeaders.EVENT_ID).value(), StandardCharsets.UTF_8))
                .isEqualTo(event.eventId().toString());
        assertThat(event.username()).isEqualTo(name);
        assertThat(event.endedAt()).isEqualTo(ENDED);
        assertThat(event.tokensExpireBy()).isEqualTo(ENDED.plus(Duration.ofMinutes(15)));
        assertThat(event.reason()).isEqualTo(OrganizerAccessEnded.DISABLED);
        assertThat(ended.unannounced(10).collectList().block()).isEmpty();
    }

    @Test
    void anEndingMadeWhileKafkaIsAwayWaitsInTheStoreAndGoesOutWhenItIsBack() {
        String name = "ana-" + UUID.randomUUID().toString().substring(0, 6);
        ended.end(name, OrganizerAccessEnded.REMOVED).block();

        announcer("127.0.0.1:1").announce();

        assertThat(ended.unannounced(10).collectList().block()).extracting(EndedAccess.Ended::username)
                .containsExactly(name);

        announcer(TestKafka.bootstrapServers()).announce();

        assertThat(announcedFor(name)).hasSize(1);
        assertThat(ended.unannounced(10).collectList().block()).isEmpty();
    }

    @Test
    void aLaterEndingOfTheSameUserWhileTheEarlierIsOnItsWayStillGoesOut() {
        String name = "rosa-" + UUID.randomUUID().toString().substring(0, 6);
        ended.end(name, OrganizerAccessEnded.SCOPE_CHANGED).block();
        EndedAccess.Ended onItsWay = ended.unannounced(10).blockFirst();
        clock.move(Duration.ofSeconds(3));
        ended.end(name, OrganizerAccessEnded.DISABLED).block();

        ended.announced(onItsWay).block();

        assertThat(ended.unannounced(10).collectList().block()).singleElement().satisfies(mark -> {
            assertThat(mark.endedAt()).isEqualTo(ENDED.plusSeconds(3));
            assertThat(mark.reason()).isEqualTo(OrganizerAccessEnded.DISABLED);
        });
    }

    @Test
    void twoAnnouncersOnOneStoreAnnounceALogoutAndAnEndingOnce() throws Exception {
        String name = "elena-" + UUID.randomUUID().toString().substring(0, 6);
        String tokenId = UUID.randomUUID().toString();
        revoked.revoke(tokenId, name, ENDED.plus(Duration.ofMinutes(15))).block();
        ended.end(name, OrganizerAccessEnded.DISABLED).block();
        CountDownLatch firstSending = new CountDownLatch(1);
        CountDownLatch secondDone = new CountDownLatch(1);
        // The first instance's pass stops at its first send until the second instance's whole pass is over, which
        // met every logout and ending still unannounced.
        SessionAnnouncer first = announcer(TestKafka.bootstrapServers(), () -> {
            firstSending.countDown();
            awaitLatch(secondDone);
        });
        SessionAnnouncer second = announcer(TestKafka.bootstrapServers());

        Thread firstPass = new Thread(first::announce, "first-gateway");
        firstPass.start();
        assertThat(firstSending.await(10, TimeUnit.SECONDS)).isTrue();
        second.announce();
        secondDone.countDown();
        firstPass.join(20_000);
        first.announce();
        second.announce();

        // A later logout of the same user, on the same partition: once it is read, so is everything sent before it.
        String marker = UUID.randomUUID().toString();
        revoked.revoke(marker, name, ENDED.plus(Duration.ofMinutes(15))).block();
        second.announce();
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(loggedOut(announcedFor(name)))
                .contains(marker));
        List<ConsumerRecord<String, byte[]>> records = announcedFor(name);
        assertThat(loggedOut(records)).containsExactly(tokenId, marker);
        assertThat(records).filteredOn(record -> "OrganizerAccessEnded".equals(type(record))).hasSize(1);
        assertThat(revoked.unannounced(10).collectList().block()).isEmpty();
        assertThat(ended.unannounced(10).collectList().block()).isEmpty();
    }

    private List<String> loggedOut(List<ConsumerRecord<String, byte[]>> records) {
        return records.stream().filter(record -> "OrganizerLoggedOut".equals(type(record)))
                .map(record -> codec.read(record.value(), OrganizerLoggedOut.class).tokenId()).toList();
    }

    private static String type(ConsumerRecord<String, byte[]> record) {
        return new String(record.headers().lastHeader(EventHeaders.EVENT_TYPE).value(), StandardCharsets.UTF_8);
    }

    private static void awaitLatch(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private SessionAnnouncer announcer(String bootstrapServers) {
        return announcer(bootstrapServers, () -> {
        });
    }

    /** @param beforeEachSend runs before each event is handed to the producer */
    private SessionAnnouncer announcer(String bootstrapServers, Runnable beforeEachSend) {
        Map<String, Object> config = new HashMap<>();
        config.put("bootstrap.servers", bootstrapServers);
        config.put("max.block.ms", 1000);
        config.put("request.timeout.ms", 1000);
        config.put("delivery.timeout.ms", 2000);
        KafkaTemplate<byte[], byte[]> kafka = new KafkaTemplate<>(new DefaultKafkaProducerFactory<>(config,
                new ByteArraySerializer(), new ByteArraySerializer())) {
            @Override
            public CompletableFuture<SendResult<byte[], byte[]>> send(ProducerRecord<byte[], byte[]> record) {
                beforeEachSend.run();
                return super.send(record);
            }
        };
        templates.add(kafka);
        return new SessionAnnouncer(revoked, ended, kafka, clock, Duration.ofSeconds(1));
    }

    private List<ConsumerRecord<String, byte[]>> announcedFor(String name) {
        List<ConsumerRecord<String, byte[]>> mine = new ArrayList<>();
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            sessions.poll(Duration.ofMillis(200)).forEach(seen::add);
            mine.clear();
            seen.stream().filter(record -> name.equals(record.key())).forEach(mine::add);
            assertThat(mine).isNotEmpty();
        });
        return mine;
    }
}
