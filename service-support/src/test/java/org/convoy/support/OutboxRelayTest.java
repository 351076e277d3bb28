package org.convoy.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import com.mongodb.client.MongoClients;
import de.bwaldvogel.mongo.MongoServer;
import org.convoy.store.WireStore;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.bson.Document;
import org.convoy.events.DelegateApproved;
import org.convoy.events.DelegateRejected;
import org.convoy.events.DelegateWithdrawn;
import org.convoy.support.outbox.EventSender;
import org.convoy.support.outbox.OutboxEntry;
import org.convoy.support.outbox.OutboxProperties;
import org.convoy.support.outbox.OutboxRelay;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.MongoTemplate;

/** The relay against the MongoDB-wire store with a broker that fails on demand. */
class OutboxRelayTest {

    private final MongoServer server = new MongoServer(WireStore.memory());
    private final MongoTemplate mongo = new MongoTemplate(
            MongoClients.create("mongodb://" + hostAndPort(server)), "relay-test");
    private final FlakyBroker broker = new FlakyBroker();
    private final OutboxRelay relay = new OutboxRelay(mongo, broker,
            new OutboxProperties(List.of("delegates"), java.time.Duration.ofSeconds(1), 10, java.time.Duration.ZERO, 4),
            new SimpleMeterRegistry());

    @AfterEach
    void stop() {
        relay.close();
        server.shutdownNow();
    }

    @Test
    void manyAggregatesGoOutSideBySideEachInItsOwnOrderAndLeaveTheirOutboxesEmpty() {
        List<UUID> delegates = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            UUID delegate = UUID.randomUUID();
            delegates.add(delegate);
            save(delegate, OutboxEntry.of(new DelegateApproved(UUID.randomUUID(), Instant.now(), 1, delegate, "c")),
                    OutboxEntry.of(new DelegateRejected(UUID.randomUUID(), Instant.now(), 1, delegate, "c", "full")),
                    OutboxEntry.of(new DelegateWithdrawn(UUID.randomUUID(), Instant.now(), 1, delegate, "c")));
        }

        assertThat(relay.relayPending()).isEqualTo(30);

        for (UUID delegate : delegates) {
            assertThat(broker.typesFor(delegate.toString())).as("events of %s in the order recorded", delegate)
                    .containsExactly("DelegateApproved", "DelegateRejected", "DelegateWithdrawn");
            assertThat(pending(delegate)).isEmpty();
        }
        assertThat(broker.threads).as("lanes publishing side by side").hasSizeGreaterThan(1);
    }

    @Test
    void aSavedAggregateIsPublishedAtOnceReadByItsIdWhileOthersWaitForTheFullPass() {
        UUID saved = UUID.randomUUID();
        UUID leftBehind = UUID.randomUUID();
        var approved = OutboxEntry.of(new DelegateApproved(UUID.randomUUID(), Instant.now(), 1, saved, "c"));
        var other = OutboxEntry.of(new DelegateApproved(UUID.randomUUID(), Instant.now(), 1, leftBehind, "c"));
        save(saved, approved);
        save(leftBehind, other);

        relay.nudge(new Delegate(saved.toString()));

        assertThat(relay.relaySaved()).isEqualTo(1);
        assertThat(broker.acknowledged).containsExactly(approved.eventId());
        assertThat(pending(saved)).isEmpty();
        assertThat(pending(leftBehind)).as("found by the full pass only").containsExactly(other.eventId());
        assertThat(relay.relayPending()).isEqualTo(1);
        assertThat(broker.acknowledged).containsExactly(approved.eventId(), other.eventId());
    }

    @org.springframework.data.mongodb.core.mapping.Document("delegates")
    record Delegate(@org.springframework.data.annotation.Id String id) {
    }

    @Test
    void keepsEntriesWhileTheBrokerIsDownAndPublishesThemInOrderWhenItReturns() {
        UUID delegate = UUID.randomUUID();
        var approved = OutboxEntry.of(new DelegateApproved(UUID.randomUUID(), Instant.now(), 1, delegate, "c"));
        var withdrawn = OutboxEntry.of(new DelegateWithdrawn(UUID.randomUUID(), Instant.now(), 1, delegate, "c"));
        save(delegate, approved, withdrawn);
        broker.down = true;

        try {
            relay.relayPending();
        } catch (RuntimeException expected) {
            // the relay reports the failure; the entries must still be there
        }

        assertThat(pending(delegate)).containsExactly(approved.eventId(), withdrawn.eventId());
        assertThat(broker.acknowledged).isEmpty();

        broker.down = false;
        assertThat(relay.relayPending()).isEqualTo(2);

        assertThat(broker.acknowledged).containsExactly(approved.eventId(), withdrawn.eventId());
        assertThat(pending(delegate)).isEmpty();
    }

    @Test
    void aFailureMidwayKeepsTheRestOfThatAggregatesEventsBehindIt() {
        UUID delegate = UUID.randomUUID();
        var approved = OutboxEntry.of(new DelegateApproved(UUID.randomUUID(), Instant.now(), 1, delegate, "c"));
        var rejected = OutboxEntry.of(new DelegateRejected(UUID.randomUUID(), Instant.now(), 1, delegate, "c", "full"));
        save(delegate, approved, rejected);
        broker.failOn = rejected.eventId();

        try {
            relay.relayPending();
        } catch (RuntimeException expected) {
            // second entry failed
        }

        assertThat(broker.acknowledged).containsExactly(approved.eventId());
        assertThat(pending(delegate)).containsExactly(rejected.eventId());

        broker.failOn = null;
        relay.relayPending();
        assertThat(broker.acknowledged).containsExactly(approved.eventId(), rejected.eventId());
    }

    private void save(UUID id, OutboxEntry... entries) {
        List<Document> outbox = new ArrayList<>();
        for (OutboxEntry entry : entries) {
            Document document = new Document();
            mongo.getConverter().write(entry, document);
            outbox.add(document);
        }
        mongo.save(new Document("_id", id.toString()).append("status", "APPROVED").append(OutboxEntry.FIELD, outbox),
                "delegates");
    }

    private List<String> pending(UUID id) {
        Document document = mongo.findById(id.toString(), Document.class, "delegates");
        return document.getList(OutboxEntry.FIELD, Document.class).stream().map(d -> d.getString("eventId")).toList();
    }

    private static String hostAndPort(MongoServer server) {
        server.bind("127.0.0.1", 0);
        var address = server.getLocalAddress();
        return address.getHostString() + ":" + address.getPort();
    }

    private static final class FlakyBroker implements EventSender {

        volatile boolean down;
        volatile String failOn;
        final List<String> acknowledged = new java.util.concurrent.CopyOnWriteArrayList<>();
        final List<OutboxEntry> records = new java.util.concurrent.CopyOnWriteArrayList<>();
        final java.util.Set<String> threads = java.util.concurrent.ConcurrentHashMap.newKeySet();

        @Override
        public void send(OutboxEntry entry) {
            if (down || entry.eventId().equals(failOn)) {
                throw new IllegalStateException("broker unreachable");
            }
            acknowledged.add(entry.eventId());
            records.add(entry);
            threads.add(Thread.currentThread().getName());
        }

        List<String> typesFor(String key) {
            return records.stream().filter(entry -> entry.key().equals(key)).map(OutboxEntry::type).toList();
        }
    }
}
