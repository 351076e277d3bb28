package org.convoy.support;

import static org.assertj.core.api.Assertions.assertThat;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;

import com.mongodb.client.MongoClients;
import de.bwaldvogel.mongo.MongoServer;
import org.convoy.store.WireStore;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.bson.Document;
import org.convoy.events.DelegateApproved;
import org.convoy.events.DelegateRejected;
import org.convoy.events.DelegateWithdrawn;
import org.convoy.support.outbox.EventSender;
import org.convoy.support.outbox.OutboxBacklog;
import org.convoy.support.outbox.OutboxEntry;
import org.convoy.support.outbox.OutboxProperties;
import org.convoy.support.outbox.OutboxRelay;
import org.convoy.support.test.MutableClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

/** The relay against the MongoDB-wire store with a broker that fails on demand. */
class OutboxRelayTest {

    /** Long enough that no claim ends by itself on a busy machine; tests end them by moving the clock. */
    private static final Duration CLAIM_FOR = Duration.ofMinutes(1);

    private final MongoServer server = new MongoServer(WireStore.memory());
    private final MongoTemplate mongo = new MongoTemplate(
            MongoClients.create("mongodb://" + hostAndPort(server)), "relay-test");
    private final FlakyBroker broker = new FlakyBroker();
    private final MutableClock clock = new MutableClock();
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final OutboxRelay relay = relay("relay-test", broker);
    /** A relay of another instance of the same service, on the same store, with a broker that can hold its sends. */
    private final GatedBroker otherBroker = new GatedBroker();
    private final OutboxRelay other = relay("other-instance", otherBroker);

    private OutboxRelay relay(String owner, EventSender sender) {
        return new OutboxRelay(mongo, sender,
                new OutboxProperties(List.of("delegates"), Duration.ofSeconds(1), 10, Duration.ZERO, 4, CLAIM_FOR),
                meters, owner, clock);
    }

    @AfterEach
    void stop() {
        otherBroker.open();
        relay.close();
        other.close();
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
    void countsItsBacklogAndTheAgeOfTheOldestPendingEventUntilTheyAreOut() {
        UUID first = UUID.randomUUID();
        UUID second = UUID.randomUUID();
        Instant ninetySecondsAgo = clock.instant().minusSeconds(90);
        save(first, OutboxEntry.of(new DelegateApproved(UUID.randomUUID(), ninetySecondsAgo, 1, first, "c")),
                OutboxEntry.of(new DelegateWithdrawn(UUID.randomUUID(), clock.instant(), 1, first, "c")));
        save(second, OutboxEntry.of(new DelegateApproved(UUID.randomUUID(), clock.instant(), 1, second, "c")));

        relay.measureBacklog();

        assertThat(meters.get("convoy.outbox.pending").gauge().value()).isEqualTo(3);
        assertThat(meters.get("convoy.outbox.oldest.pending").timeGauge().value(java.util.concurrent.TimeUnit.SECONDS))
                .isBetween(90.0, 120.0);
        assertThat(relay.backlog().pending()).as("read from the store, as the system status reads it").isEqualTo(3);
        assertThat(relay.backlog().oldestAgeSeconds(clock.instant())).isBetween(90L, 120L);

        relay.relayPending();
        relay.measureBacklog();

        assertThat(relay.backlog()).isEqualTo(OutboxBacklog.EMPTY);

        assertThat(meters.get("convoy.outbox.pending").gauge().value()).isZero();
        assertThat(meters.get("convoy.outbox.oldest.pending").timeGauge().value(java.util.concurrent.TimeUnit.SECONDS))
                .isZero();
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

    @Test
    void anAggregateAnotherInstanceIsPublishingIsLeftToItUntilItsClaimEnds() {
        UUID held = UUID.randomUUID();
        UUID free = UUID.randomUUID();
        var heldApproved = OutboxEntry.of(new DelegateApproved(UUID.randomUUID(), Instant.now(), 1, held, "c"));
        var heldWithdrawn = OutboxEntry.of(new DelegateWithdrawn(UUID.randomUUID(), Instant.now(), 1, held, "c"));
        var freeApproved = OutboxEntry.of(new DelegateApproved(UUID.randomUUID(), Instant.now(), 1, free, "c"));
        save(held, heldApproved, heldWithdrawn);
        otherBroker.holdSends();
        other.nudge(new Delegate(held.toString()));
        CompletableFuture<Integer> otherPass = CompletableFuture.supplyAsync(other::relaySaved);
        // The other instance froze while sending the first event: it does not finish its pass.
        await().atMost(Duration.ofSeconds(10)).until(() -> otherBroker.waiting.get() == 1);
        save(free, freeApproved);

        assertThat(relay.relayPending()).as("only the aggregate nobody holds").isEqualTo(1);
        assertThat(broker.acknowledged).containsExactly(freeApproved.eventId());
        assertThat(pending(held)).containsExactly(heldApproved.eventId(), heldWithdrawn.eventId());

        clock.set(clock.instant().plus(CLAIM_FOR));
        assertThat(relay.relayPending()).as("taken over once the claim ended").isEqualTo(2);
        assertThat(broker.typesFor(held.toString())).containsExactly("DelegateApproved", "DelegateWithdrawn");
        assertThat(pending(held)).isEmpty();
        assertThat(meters.counter("convoy.outbox.claims.taken-over").count()).isEqualTo(1);

        // Should the frozen instance wake up, its send under way completes (a duplicate the consumers drop), it sends
        // nothing more on a claim that ended, and it finds nothing left to remove.
        otherBroker.open();
        assertThat(otherPass.join()).isEqualTo(1);
        assertThat(otherBroker.acknowledged).containsExactly(heldApproved.eventId());
        assertThat(mongo.findById(held.toString(), Document.class, "delegates").getLong("version"))
                .as("bumped by the one removal that removed something").isEqualTo(1);
    }

    @Test
    void eventsSavedWhileAnotherInstanceHoldsTheAggregateGoOutInThatInstancesPassInOrder() {
        UUID delegate = UUID.randomUUID();
        var approved = OutboxEntry.of(new DelegateApproved(UUID.randomUUID(), Instant.now(), 1, delegate, "c"));
        var withdrawn = OutboxEntry.of(new DelegateWithdrawn(UUID.randomUUID(), Instant.now(), 1, delegate, "c"));
        save(delegate, approved);
        otherBroker.holdSends();
        other.nudge(new Delegate(delegate.toString()));
        CompletableFuture<Integer> otherPass = CompletableFuture.supplyAsync(other::relaySaved);
        await().atMost(Duration.ofSeconds(10)).until(() -> otherBroker.waiting.get() == 1);

        // Saved through this instance meanwhile: its relay cannot claim the aggregate, the holder publishes it.
        append(delegate, withdrawn);
        relay.nudge(new Delegate(delegate.toString()));
        assertThat(relay.relaySaved()).isZero();
        otherBroker.open();

        assertThat(otherPass.join()).isEqualTo(2);
        assertThat(otherBroker.acknowledged).containsExactly(approved.eventId(), withdrawn.eventId());
        assertThat(broker.acknowledged).isEmpty();
        assertThat(pending(delegate)).isEmpty();
    }

    @Test
    void claimingAnAggregateLeavesItsDocumentAndItsVersionAlone() {
        UUID delegate = UUID.randomUUID();
        save(delegate, OutboxEntry.of(new DelegateApproved(UUID.randomUUID(), Instant.now(), 1, delegate, "c")));
        Document before = mongo.findById(delegate.toString(), Document.class, "delegates");
        otherBroker.holdSends();
        other.nudge(new Delegate(delegate.toString()));
        CompletableFuture<Integer> otherPass = CompletableFuture.supplyAsync(other::relaySaved);
        await().atMost(Duration.ofSeconds(10)).until(() -> otherBroker.waiting.get() == 1);

        assertThat(mongo.findById(delegate.toString(), Document.class, "delegates"))
                .as("an organizer's save made now does not have to retry").isEqualTo(before);

        otherBroker.open();
        assertThat(otherPass.join()).isEqualTo(1);
        assertThat(mongo.findById(delegate.toString(), Document.class, "delegates").getLong("version"))
                .as("the removal bumps the version, once").isEqualTo(before.getLong("version") + 1);
    }

    private void save(UUID id, OutboxEntry... entries) {
        List<Document> outbox = new ArrayList<>();
        for (OutboxEntry entry : entries) {
            Document document = new Document();
            mongo.getConverter().write(entry, document);
            outbox.add(document);
        }
        mongo.save(new Document("_id", id.toString()).append("status", "APPROVED").append("version", 0L)
                .append(OutboxEntry.FIELD, outbox), "delegates");
    }

    /** Adds an event to an aggregate's outbox the way a commit with {@code $push} does (a schedule's head). */
    private void append(UUID id, OutboxEntry entry) {
        Document document = new Document();
        mongo.getConverter().write(entry, document);
        mongo.updateFirst(Query.query(Criteria.where("_id").is(id.toString())),
                new Update().push(OutboxEntry.FIELD, document).inc("version", 1), "delegates");
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

    /** A broker whose sends can be held: a held send waits, as a frozen or killed instance's would, until opened. */
    private static final class GatedBroker implements EventSender {

        final List<String> acknowledged = new java.util.concurrent.CopyOnWriteArrayList<>();
        volatile CountDownLatch gate = new CountDownLatch(0);
        final java.util.concurrent.atomic.AtomicInteger waiting = new java.util.concurrent.atomic.AtomicInteger();

        void holdSends() {
            gate = new CountDownLatch(1);
        }

        void open() {
            gate.countDown();
        }

        @Override
        public void send(OutboxEntry entry) throws InterruptedException {
            if (gate.getCount() > 0) {
                waiting.incrementAndGet();
                gate.await();
                waiting.decrementAndGet();
            }
            acknowledged.add(entry.eventId());
        }
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
