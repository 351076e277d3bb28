package org.convoy.support.outbox;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.bson.Document;
import org.convoy.support.store.StoreOutage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.data.mongodb.core.BulkOperations;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

/**
 * Publishes the pending events of aggregate documents to Kafka, in the order they were recorded, and removes
 * each entry from its document once the broker has acknowledged it.
 *
 * <p>Delivery is at least once: a crash after the broker's acknowledgement and before the removal publishes the
 * entry again on the next pass. Consumers are idempotent on {@code eventId}, so a repeat is harmless. If the broker
 * is unreachable, entries simply stay in their documents and go out when it returns.
 */
public class OutboxRelay implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);

    /** The optimistic-locking field of aggregates ({@code @Version Long version}). */
    static final String VERSION_FIELD = "version";

    /** Aggregates saved with new events since the last pass; beyond this many, the periodic pass finds the rest. */
    private static final int SAVED_KEPT = 100_000;

    private final MongoOperations mongo;
    private final EventSender sender;
    private final OutboxProperties properties;
    private final MeterRegistry meters;
    private final AtomicBoolean nudged = new AtomicBoolean();
    private ScheduledExecutorService executor;
    private ExecutorService senders;
    private final Queue<Saved> saved = new ConcurrentLinkedQueue<>();
    private volatile Instant pausedUntil = Instant.MIN;
    /** Only the relay's own thread reads and writes it. */
    private boolean storeAway;

    public OutboxRelay(MongoOperations mongo, EventSender sender, OutboxProperties properties, MeterRegistry meters) {
        this.mongo = mongo;
        this.sender = sender;
        this.properties = properties;
        this.meters = meters;
        this.senders = newSenders(properties.senders());
    }

    private static ExecutorService newSenders(int count) {
        AtomicInteger number = new AtomicInteger();
        return Executors.newFixedThreadPool(count, runnable -> {
            Thread thread = new Thread(runnable, "outbox-sender-" + number.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }

    /** The sender the platform uses: Spring Cloud Stream to the entry's topic. */
    public static EventSender streamBridgeSender(org.springframework.cloud.stream.function.StreamBridge streamBridge) {
        return new StreamBridgeEventSender(streamBridge);
    }

    /** Asks for a pass over what was saved since the last one, now rather than at the next poll. */
    public void nudge() {
        if (executor != null && nudged.compareAndSet(false, true)) {
            executor.execute(this::safeRelaySaved);
        }
    }

    /**
     * An aggregate was saved with new events: the relay publishes them now, reading that document by its id, instead
     * of looking through every document of its collection (a store without an index on the outbox, such as the
     * MongoDB-wire store, reads them all). The periodic pass still looks through everything, for what a crash or
     * another instance left behind.
     */
    public void nudge(Object aggregate) {
        Class<?> type = aggregate.getClass();
        String collection = mongo.getCollectionName(type);
        Object id = mongo.getConverter().getMappingContext().getRequiredPersistentEntity(type)
                .getIdentifierAccessor(aggregate).getIdentifier();
        if (id != null && properties.collections().contains(collection) && saved.size() < SAVED_KEPT) {
            saved.add(new Saved(collection, id));
        }
        nudge();
    }

    /**
     * One pass over every outbox collection.
     *
     * @return how many entries were published
     */
    public int relayPending() {
        int published = 0;
        for (String collection : properties.collections()) {
            published += relayCollection(collection);
        }
        return published;
    }

    /** Passes until a pass finds less than a full batch: a backlog drains at once instead of a batch per poll. */
    private void drain() {
        int published;
        do {
            published = relayPending();
        } while (published >= properties.batchSize());
    }

    /**
     * Reads up to a batch of documents with pending entries and publishes them on {@code senders} lanes at once: a
     * document's entries always go out on one lane, in order, each acknowledged before the next, so the events of an
     * aggregate keep their order while those of different aggregates travel side by side. Then each document loses
     * the entries the broker acknowledged, in one bulk write. A lane stops at its first failure; what it did not
     * publish stays for the next pass.
     */
    private int relayCollection(String collection) {
        Query pending = new Query(Criteria.where(OutboxEntry.FIELD + ".0").exists(true)).limit(properties.batchSize());
        pending.fields().include(OutboxEntry.FIELD);
        return publish(collection, mongo.find(pending, Document.class, collection));
    }

    /** Publishes the pending entries of the aggregates saved since the last pass, read by their ids in one query. */
    public int relaySaved() {
        int published = 0;
        while (!saved.isEmpty()) {
            Map<String, Map<Object, Boolean>> byCollection = new LinkedHashMap<>();
            for (int i = 0; i < properties.batchSize(); i++) {
                Saved next = saved.poll();
                if (next == null) {
                    break;
                }
                byCollection.computeIfAbsent(next.collection(), c -> new LinkedHashMap<>()).put(next.id(), true);
            }
            for (var collection : byCollection.entrySet()) {
                Query byIds = Query.query(Criteria.where("_id").in(collection.getValue().keySet()));
                byIds.fields().include(OutboxEntry.FIELD);
                List<Document> documents = mongo.find(byIds, Document.class, collection.getKey()).stream()
                        .filter(document -> !document.getList(OutboxEntry.FIELD, Document.class, List.of()).isEmpty())
                        .toList();
                published += publish(collection.getKey(), documents);
            }
        }
        return published;
    }

    private int publish(String collection, List<Document> documents) {
        if (documents.isEmpty()) {
            return 0;
        }
        int laneCount = Math.min(properties.senders(), documents.size());
        List<List<Document>> lanes = new ArrayList<>();
        for (int i = 0; i < laneCount; i++) {
            lanes.add(new ArrayList<>());
        }
        for (Document document : documents) {
            lanes.get(Math.floorMod(document.get("_id").hashCode(), laneCount)).add(document);
        }
        Map<Object, List<String>> acknowledged = new ConcurrentHashMap<>();
        List<Future<BrokerUnavailable>> running = lanes.stream()
                .map(lane -> senders.submit(() -> publish(lane, acknowledged))).toList();
        BrokerUnavailable failure = null;
        for (Future<BrokerUnavailable> lane : running) {
            BrokerUnavailable failed = await(lane);
            failure = failure == null ? failed : failure;
        }
        int published = removeAcknowledged(collection, acknowledged);
        if (failure != null) {
            throw failure;
        }
        return published;
    }

    /** @return the failure that stopped the lane, or null when all of it was published */
    private BrokerUnavailable publish(List<Document> lane, Map<Object, List<String>> acknowledged) {
        for (Document document : lane) {
            Object id = document.get("_id");
            for (Document entry : document.getList(OutboxEntry.FIELD, Document.class, List.of())) {
                OutboxEntry outboxEntry = toEntry(entry);
                try {
                    sender.send(outboxEntry);
                } catch (Exception e) {
                    Counter.builder("convoy.outbox.failures").tag("type", outboxEntry.type()).register(meters).increment();
                    return new BrokerUnavailable(outboxEntry, e);
                }
                acknowledged.computeIfAbsent(id, key -> new ArrayList<>()).add(outboxEntry.eventId());
                Counter.builder("convoy.outbox.published").tag("type", outboxEntry.type()).register(meters).increment();
                log.debug("Published {} eventId={} key={}", outboxEntry.type(), outboxEntry.eventId(), outboxEntry.key());
            }
        }
        return null;
    }

    private int removeAcknowledged(String collection, Map<Object, List<String>> acknowledged) {
        if (acknowledged.isEmpty()) {
            return 0;
        }
        BulkOperations removals = mongo.bulkOps(BulkOperations.BulkMode.UNORDERED, collection);
        acknowledged.forEach((id, eventIds) -> removals.updateOne(Query.query(Criteria.where("_id").is(id)),
                // Bumping the version makes a concurrent whole-document save of the aggregate, loaded while the
                // entries were still pending, fail its optimistic check and retry, instead of putting them back.
                new Update().pull(OutboxEntry.FIELD, new Document("eventId", new Document("$in", eventIds)))
                        .inc(VERSION_FIELD, 1)));
        removals.execute();
        return acknowledged.values().stream().mapToInt(List::size).sum();
    }

    private static BrokerUnavailable await(Future<BrokerUnavailable> lane) {
        try {
            return lane.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while publishing", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("A publishing lane failed", e.getCause());
        }
    }

    private static OutboxEntry toEntry(Document entry) {
        Object occurredAt = entry.get("occurredAt");
        return new OutboxEntry(entry.getString("eventId"), entry.getString("type"), entry.getString("topic"),
                entry.getString("key"), entry.getString("payload"),
                occurredAt instanceof java.util.Date date ? date.toInstant() : null);
    }

    private void safeRelaySaved() {
        nudged.set(false);
        safely(this::relaySaved);
    }

    private void safeRelay() {
        nudged.set(false);
        safely(() -> {
            relaySaved();
            drain();
            return 0;
        });
    }

    private void safely(java.util.function.IntSupplier pass) {
        if (Instant.now().isBefore(pausedUntil)) {
            // What was saved meanwhile goes out with the next full pass.
            saved.clear();
            return;
        }
        try {
            pass.getAsInt();
            if (storeAway) {
                storeAway = false;
                log.info("Outbox relay reads the store again");
            }
        } catch (BrokerUnavailable e) {
            pausedUntil = Instant.now().plus(properties.retryBackoff());
            log.warn("Outbox relay could not publish {} eventId={}; keeping it and retrying in {}: {}",
                    e.entry.type(), e.entry.eventId(), properties.retryBackoff(), e.getCause().toString());
        } catch (RuntimeException e) {
            pausedUntil = Instant.now().plus(properties.retryBackoff());
            if (!StoreOutage.isCause(e)) {
                log.warn("Outbox relay pass failed; retrying in {}", properties.retryBackoff(), e);
            } else if (!storeAway) {
                // Said once while the store is away; the events wait in their documents meanwhile.
                storeAway = true;
                log.warn("Outbox relay cannot reach the store; retrying every {}: {}", properties.retryBackoff(),
                        e.toString());
            }
        }
    }

    @Override
    public void start() {
        executor = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "outbox-relay");
            thread.setDaemon(true);
            return thread;
        });
        long interval = properties.pollInterval().toMillis();
        executor.scheduleWithFixedDelay(this::safeRelay, interval, interval, TimeUnit.MILLISECONDS);
    }

    @Override
    public void stop() {
        if (executor != null) {
            executor.shutdown();
            try {
                executor.awaitTermination(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            executor = null;
        }
    }

    /** Lets the sender threads go when the application context closes. */
    public void close() {
        senders.shutdownNow();
    }

    @Override
    public boolean isRunning() {
        return executor != null;
    }

    /** Start after the Kafka bindings, stop before them. */
    @Override
    public int getPhase() {
        return Integer.MAX_VALUE - 100;
    }

    private record Saved(String collection, Object id) {
    }

    private static final class BrokerUnavailable extends RuntimeException {

        private final transient OutboxEntry entry;

        BrokerUnavailable(OutboxEntry entry, Exception cause) {
            super(cause);
            this.entry = entry;
        }
    }
}
