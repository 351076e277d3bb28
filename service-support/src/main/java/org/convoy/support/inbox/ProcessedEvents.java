package org.convoy.support.inbox;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.context.SmartLifecycle;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

/**
 * Remembers which events each consumer has handled, one document per (consumer, eventId), for {@code keepFor}: longer
 * than any event can come again (a redelivery after a crash comes within minutes; a consumer group started over from
 * the oldest offsets reads what the broker still keeps, 7 days by its default retention), and short enough that the
 * collection does not grow forever. On MongoDB a TTL index removes older marks; {@link #forgetOlder()} does the same
 * on a store without TTL indexes, and is harmless on MongoDB; it runs every {@code sweepEvery} while the service runs
 * (in every instance: removing what another instance removed already changes nothing). Times are the system's, not
 * the service's clock: expiry is about how long ago an event really came.
 */
public class ProcessedEvents implements SmartInitializingSingleton, SmartLifecycle {

    static final String COLLECTION = "processed_events";
    private static final String PROCESSED_AT = "processedAt";
    private static final Logger log = LoggerFactory.getLogger(ProcessedEvents.class);

    private final MongoOperations mongo;
    private final Duration keepFor;
    private final Duration sweepEvery;
    private final Clock clock;
    private volatile ScheduledExecutorService sweeper;

    public ProcessedEvents(MongoOperations mongo, Duration keepFor, Duration sweepEvery, Clock clock) {
        this.mongo = mongo;
        this.keepFor = keepFor;
        this.sweepEvery = sweepEvery;
        this.clock = clock;
    }

    @Override
    public void start() {
        sweeper = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "processed-events-sweeper");
            thread.setDaemon(true);
            return thread;
        });
        sweeper.scheduleWithFixedDelay(() -> {
            try {
                forgetOlder();
            } catch (RuntimeException e) {
                log.atWarn().setCause(e).log("Could not forget old marks of handled events; trying again later");
            }
        }, sweepEvery.toMillis(), sweepEvery.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public void stop() {
        ScheduledExecutorService running = sweeper;
        sweeper = null;
        if (running != null) {
            running.shutdownNow();
        }
    }

    @Override
    public boolean isRunning() {
        return sweeper != null;
    }

    @Override
    public void afterSingletonsInstantiated() {
        mongo.indexOps(COLLECTION).createIndex(new Index().on(PROCESSED_AT, Sort.Direction.ASC)
                .expire(keepFor.toSeconds(), TimeUnit.SECONDS).named("forgotten_after"));
    }

    public boolean isProcessed(String consumer, String eventId) {
        return mongo.exists(Query.query(Criteria.where("_id").is(key(consumer, eventId))), COLLECTION);
    }

    public void markProcessed(String consumer, String eventId, String type) {
        try {
            mongo.insert(new Document("_id", key(consumer, eventId))
                    .append("consumer", consumer)
                    .append("eventId", eventId)
                    .append("type", type)
                    .append(PROCESSED_AT, Date.from(clock.instant())), COLLECTION);
        } catch (DuplicateKeyException alreadyMarked) {
            // handled twice concurrently; the handlers are idempotent, so the first mark stands
        }
    }

    /** @return how many marks older than {@code keepFor} were removed */
    public long forgetOlder() {
        Instant before = clock.instant().minus(keepFor);
        long forgotten = mongo.remove(Query.query(Criteria.where(PROCESSED_AT).lt(Date.from(before))), COLLECTION)
                .getDeletedCount();
        if (forgotten > 0) {
            log.atInfo().addKeyValue("forgotten", forgotten).addKeyValue("before", before)
                    .log("Marks of handled events forgotten");
        }
        return forgotten;
    }

    private static String key(String consumer, String eventId) {
        return consumer + ":" + eventId;
    }
}
