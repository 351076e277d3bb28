package org.convoy.support.outbox;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
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
import java.util.concurrent.atomic.AtomicLong;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.TimeGauge;
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
 * <p>Every instance of a service runs a relay, and they cooperate: before publishing an aggregate's events a relay
 * claims that aggregate ({@link OutboxClaims}), and it publishes only what it holds, so at any moment one instance
 * publishes a given aggregate's events, in order. A relay gives its claims up as soon as it has removed what it
 * published; one that stops without doing so (killed, frozen) holds them for {@code convoy.outbox.claim-for}, after
 * which the next full pass of any instance takes them over. A relay stops publishing an aggregate shortly before its
 * own claim on it ends, so that a slow pass does not overlap the instance that takes over.
 *
 * <p>Delivery is at least once: a crash after the broker's acknowledgement and before the removal publishes the
 * entry again when another instance takes the aggregate over, and so does a send still on its way when a claim
 * ends (a send that outlasts its claim, or instances' clocks further apart than a fifth of the claim). Consumers are
 * idempotent on {@code eventId}, so a repeat is harmless, and each aggregate's events keep their order even then:
 * every publisher sends them from the oldest pending one on. If the broker is unreachable, entries simply stay in
 * their documents and go out when it returns.
 */
public class OutboxRelay implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);

    /** The optimistic-locking field of aggregates ({@code @Version Long version}). */
    static final String VERSION_FIELD = "version";

    /** Aggregates saved with new events since the last pass; beyond this many, the periodic pass finds the rest. */
    private static final int SAVED_KEPT = 100_000;

    /**
     * How many times one pass claims again the aggregates that gained events while it held them (their savers could
     * not claim them then); what is still pending after that waits for the next pass.
     */
    private static final int ROUNDS = 5;

    /**
     * How often the relay counts its backlog for {@code convoy.outbox.pending} and {@code convoy.outbox.oldest.pending}:
     * one read of the pending documents' entry times, on the relay's own thread, whatever the scrape rate.
     */
    static final Duration MEASURE_EVERY = Duration.ofSeconds(10);

    private final MongoOperations mongo;
    private final EventSender sender;
    private final OutboxProperties properties;
    private final MeterRegistry meters;
    private final OutboxClaims claims;
    private final Clock clock;
    /** A lane stops publishing once its claims have less than this left. */
    private final Duration claimMargin;
    private final AtomicBoolean nudged = new AtomicBoolean();
    private ScheduledExecutorService executor;
    private ExecutorService senders;
    private final Queue<Saved> saved = new ConcurrentLinkedQueue<>();
    private volatile Instant pausedUntil = Instant.MIN;
    /** Only the relay's own thread reads and writes it. */
    private boolean storeAway;
    private final AtomicLong pendingEntries = new AtomicLong();
    /** When the oldest pending event happened, as of the last count; null when nothing was pending. */
    private volatile Instant oldestPending;
    /** Only the relay's own thread reads and writes it. */
    private Instant measuredAt = Instant.MIN;

    /**
     * @param owner the name of this instance, which signs its claims; every instance must have its own
     * @param clock the time claims are measured in (the system's: instances compare their claims' ends)
     */
    public OutboxRelay(MongoOperations mongo, EventSender sender, OutboxProperties properties, MeterRegistry meters,
            String owner, Clock clock) {
        this.mongo = mongo;
        this.sender = sender;
        this.properties = properties;
        this.meters = meters;
        this.clock = clock;
        this.claims = new OutboxClaims(mongo, owner, properties.claimFor(), clock);
        this.claimMargin = properties.claimFor().dividedBy(5);
        this.senders = newSenders(properties.senders());
        Gauge.builder("convoy.outbox.pending", pendingEntries, AtomicLong::get)
                .description("Events recorded and not yet acknowledged by the broker, as of the relay's last count")
                .register(meters);
        // The age grows between counts (and while the relay cannot count): it is read at each scrape.
        TimeGauge.builder("convoy.outbox.oldest.pending", this, TimeUnit.SECONDS, OutboxRelay::oldestPendingSeconds)
                .description("Age of the oldest event not yet acknowledged by the broker; 0 when none is pending")
                .register(meters);
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
        return new StreamBridgeEventSender(streamBridge, org.convoy.support.tracing.TraceContexts.none());
    }

    /**
     * The sender the platform uses, publishing each entry in a span of the trace that recorded it (see
     * {@link OutboxEntry#traceparent()}).
     */
    public static EventSender streamBridgeSender(org.springframework.cloud.stream.function.StreamBridge streamBridge,
            org.convoy.support.tracing.TraceContexts contexts) {
        return new StreamBridgeEventSender(streamBridge, contexts);
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
     * MongoDB-wire store, reads them all). If another instance holds the aggregate at that moment, that instance
     * publishes them: it looks again at what it held before it ends its pass. The periodic pass still looks through
     * everything, for what a crash or a stopped instance left behind.
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
        claims.forgetExpired();
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
     * Finds up to a batch of documents with pending entries that no other instance holds, and publishes those it
     * can claim (see {@link #relay(String, Collection)}).
     */
    private int relayCollection(String collection) {
        Criteria pendingHere = Criteria.where(OutboxEntry.FIELD + ".0").exists(true);
        List<Object> heldElsewhere = claims.heldByOthers(collection);
        if (!heldElsewhere.isEmpty()) {
            pendingHere = pendingHere.and("_id").nin(heldElsewhere);
        }
        Query pending = new Query(pendingHere).limit(properties.batchSize());
        pending.fields().include("_id");
        return relay(collection, idsOf(mongo.find(pending, Document.class, collection)));
    }

    /**
     * Claims the aggregates of {@code ids} that no other instance holds, publishes their pending entries, removes what
     * the broker acknowledged and gives the claims up. Then it looks again at what it held: an aggregate that gained
     * events meanwhile was saved while this relay held it, so its saver's relay could not claim it; this relay claims
     * it again and publishes those too, up to {@value #ROUNDS} times.
     */
    private int relay(String collection, Collection<?> ids) {
        int published = 0;
        Collection<?> candidates = ids;
        for (int round = 0; round < ROUNDS && !candidates.isEmpty(); round++) {
            OutboxClaims.Held held = claims.claim(collection, candidates);
            if (held.takenOver() > 0) {
                Counter.builder("convoy.outbox.claims.taken-over").register(meters).increment(held.takenOver());
                log.atInfo().addKeyValue("collection", collection).addKeyValue("count", held.takenOver())
                        .log("Took over aggregates whose outbox claim had expired");
            }
            if (held.isEmpty()) {
                break;
            }
            try {
                Query byIds = Query.query(Criteria.where("_id").in(held.until().keySet())
                        .and(OutboxEntry.FIELD + ".0").exists(true));
                byIds.fields().include(OutboxEntry.FIELD);
                Instant firstEnd = held.until().values().stream().min(Instant::compareTo).orElseThrow();
                Instant stopAt = firstEnd.minus(claimMargin);
                published += publish(collection, mongo.find(byIds, Document.class, collection), stopAt);
            } finally {
                claims.release(collection, held.until().keySet());
            }
            Query stillPending = Query.query(Criteria.where("_id").in(held.until().keySet())
                    .and(OutboxEntry.FIELD + ".0").exists(true));
            stillPending.fields().include("_id");
            candidates = idsOf(mongo.find(stillPending, Document.class, collection));
        }
        return published;
    }

    /**
     * Counts the pending entries of every outbox collection and finds the oldest, for the gauges. The relay does it
     * every {@link #MEASURE_EVERY}, also while the broker is away (when the backlog matters most).
     */
    public void measureBacklog() {
        OutboxBacklog backlog = backlog();
        pendingEntries.set(backlog.pending());
        oldestPending = backlog.oldest();
    }

    /**
     * The service's outbox as the store holds it now: one query per collection, reading only the entries' times of
     * the documents that have any. Every instance reads the same documents, so every instance gives the same answer.
     */
    public OutboxBacklog backlog() {
        long entries = 0;
        Instant oldest = null;
        for (String collection : properties.collections()) {
            Query pending = new Query(Criteria.where(OutboxEntry.FIELD + ".0").exists(true));
            pending.fields().include(OutboxEntry.FIELD + ".occurredAt");
            for (Document document : mongo.find(pending, Document.class, collection)) {
                for (Document entry : document.getList(OutboxEntry.FIELD, Document.class, List.of())) {
                    entries++;
                    if (entry.get("occurredAt") instanceof java.util.Date date
                            && (oldest == null || date.toInstant().isBefore(oldest))) {
                        oldest = date.toInstant();
                    }
                }
            }
        }
        return entries == 0 ? OutboxBacklog.EMPTY : new OutboxBacklog(entries, oldest);
    }

    private double oldestPendingSeconds() {
        Instant oldest = oldestPending;
        if (oldest == null) {
            return 0;
        }
        return Math.max(0, Duration.between(oldest, clock.instant()).toMillis() / 1000.0);
    }

    private void measureBacklogNowAndThen() {
        Instant now = Instant.now();
        if (now.isBefore(measuredAt.plus(MEASURE_EVERY))) {
            return;
        }
        measuredAt = now;
        try {
            measureBacklog();
        } catch (RuntimeException e) {
            // The pass says so when the store is away; the gauges keep their last count, and the age goes on growing.
            log.debug("Could not count the outbox backlog: {}", e.toString());
        }
    }

    private static List<Object> idsOf(List<Document> documents) {
        return documents.stream().map(document -> document.get("_id")).toList();
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
                published += relay(collection.getKey(), collection.getValue().keySet());
            }
        }
        return published;
    }

    /**
     * Publishes the documents on {@code senders} lanes at once: a document's entries always go out on one lane, in
     * order, each acknowledged before the next, so the events of an aggregate keep their order while those of
     * different aggregates travel side by side. Then each document loses the entries the broker acknowledged, in one
     * bulk write. A lane stops at its first failure, and before an aggregate whose claim is about to end; what it did
     * not publish stays for the next pass.
     */
    private int publish(String collection, List<Document> documents, Instant stopAt) {
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
                .map(lane -> senders.submit(() -> publish(lane, stopAt, acknowledged))).toList();
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

    /** @return the failure that stopped the lane, or null when all of it was published or its claims ran out */
    private BrokerUnavailable publish(List<Document> lane, Instant stopAt, Map<Object, List<String>> acknowledged) {
        for (Document document : lane) {
            Object id = document.get("_id");
            for (Document entry : document.getList(OutboxEntry.FIELD, Document.class, List.of())) {
                OutboxEntry outboxEntry = toEntry(entry);
                if (!clock.instant().isBefore(stopAt)) {
                    // Another instance may take this aggregate over soon: leave the rest to whoever holds it next.
                    log.atInfo().addKeyValue("key", outboxEntry.key())
                            .log("Outbox claim about to end; leaving the rest of the lane for the next pass");
                    return null;
                }
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
        acknowledged.forEach((id, eventIds) -> removals.updateOne(
                // Only where they still are: an instance that took the aggregate over may have removed them already.
                Query.query(Criteria.where("_id").is(id).and(OutboxEntry.FIELD + ".eventId").in(eventIds)),
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
                occurredAt instanceof java.util.Date date ? date.toInstant() : null, entry.getString("traceparent"),
                entry.getString("correlationId"));
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
        measureBacklogNowAndThen();
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
