package org.convoy.support.outbox;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
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

    private final MongoOperations mongo;
    private final EventSender sender;
    private final OutboxProperties properties;
    private final MeterRegistry meters;
    private final AtomicBoolean nudged = new AtomicBoolean();
    private ScheduledExecutorService executor;
    private volatile Instant pausedUntil = Instant.MIN;

    public OutboxRelay(MongoOperations mongo, EventSender sender, OutboxProperties properties, MeterRegistry meters) {
        this.mongo = mongo;
        this.sender = sender;
        this.properties = properties;
        this.meters = meters;
    }

    /** The sender the platform uses: Spring Cloud Stream to the entry's topic. */
    public static EventSender streamBridgeSender(org.springframework.cloud.stream.function.StreamBridge streamBridge) {
        return new StreamBridgeEventSender(streamBridge);
    }

    /** Asks for a pass now instead of at the next poll: called after a service saved new events. */
    public void nudge() {
        if (executor != null && nudged.compareAndSet(false, true)) {
            executor.execute(this::safeRelay);
        }
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

    private int relayCollection(String collection) {
        Query pending = new Query(Criteria.where(OutboxEntry.FIELD + ".0").exists(true)).limit(properties.batchSize());
        pending.fields().include(OutboxEntry.FIELD);
        int published = 0;
        for (Document document : mongo.find(pending, Document.class, collection)) {
            Object id = document.get("_id");
            for (Document entry : document.getList(OutboxEntry.FIELD, Document.class, List.of())) {
                OutboxEntry outboxEntry = toEntry(entry);
                try {
                    sender.send(outboxEntry);
                } catch (Exception e) {
                    Counter.builder("convoy.outbox.failures").tag("type", outboxEntry.type()).register(meters).increment();
                    throw new BrokerUnavailable(outboxEntry, e);
                }
                // Bumping the version makes a concurrent whole-document save of the aggregate, loaded while the entry
                // was still pending, fail its optimistic check and retry, instead of putting the entry back.
                mongo.updateFirst(Query.query(Criteria.where("_id").is(id)),
                        new Update().pull(OutboxEntry.FIELD, new Document("eventId", outboxEntry.eventId()))
                                .inc(VERSION_FIELD, 1),
                        collection);
                Counter.builder("convoy.outbox.published").tag("type", outboxEntry.type()).register(meters).increment();
                log.debug("Published {} eventId={} key={}", outboxEntry.type(), outboxEntry.eventId(), outboxEntry.key());
                published++;
            }
        }
        return published;
    }

    private static OutboxEntry toEntry(Document entry) {
        Object occurredAt = entry.get("occurredAt");
        return new OutboxEntry(entry.getString("eventId"), entry.getString("type"), entry.getString("topic"),
                entry.getString("key"), entry.getString("payload"),
                occurredAt instanceof java.util.Date date ? date.toInstant() : null);
    }

    private void safeRelay() {
        nudged.set(false);
        if (Instant.now().isBefore(pausedUntil)) {
            return;
        }
        try {
            relayPending();
        } catch (BrokerUnavailable e) {
            pausedUntil = Instant.now().plus(properties.retryBackoff());
            log.warn("Outbox relay could not publish {} eventId={}; keeping it and retrying in {}: {}",
                    e.entry.type(), e.entry.eventId(), properties.retryBackoff(), e.getCause().toString());
        } catch (RuntimeException e) {
            pausedUntil = Instant.now().plus(properties.retryBackoff());
            log.warn("Outbox relay pass failed; retrying in {}", properties.retryBackoff(), e);
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

    @Override
    public boolean isRunning() {
        return executor != null;
    }

    /** Start after the Kafka bindings, stop before them. */
    @Override
    public int getPhase() {
        return Integer.MAX_VALUE - 100;
    }

    private static final class BrokerUnavailable extends RuntimeException {

        private final transient OutboxEntry entry;

        BrokerUnavailable(OutboxEntry entry, Exception cause) {
            super(cause);
            this.entry = entry;
        }
    }
}
