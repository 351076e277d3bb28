package org.convoy.support.outbox;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.mongodb.bulk.BulkWriteResult;
import org.bson.Document;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.BulkOperationException;
import org.springframework.data.mongodb.core.BulkOperations;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

/**
 * Which instance publishes which aggregate's pending events. A claim is a document of its own in
 * {@value #COLLECTION}, one per aggregate being published: {@code {_id: "<collection>:<aggregate id>", collection,
 * aggregateId, owner, until}}. An instance claims what is free or expired, publishes what it holds, and deletes its
 * claims when it is done; one that stops without deleting them holds them until {@code until}.
 *
 * <p>The claims live outside the aggregates on purpose: a claim in the aggregate's own document would be erased by
 * every whole-document save of that aggregate (which services do several times per request), handing it to a second
 * publisher while the first is still at work, and writing it there would either bump the aggregate's version (making
 * organizers' saves retry) or not (and be lost to the next save).
 */
final class OutboxClaims {

    static final String COLLECTION = "outbox_claims";

    /** Claims expired this long ago are leftovers of aggregates that have nothing left to publish; they are deleted. */
    private static final Duration FORGOTTEN_AFTER = Duration.ofMinutes(1);

    private static final int DUPLICATE_KEY = 11000;

    private final MongoOperations mongo;
    private final String owner;
    private final Duration claimFor;
    private final Clock clock;

    OutboxClaims(MongoOperations mongo, String owner, Duration claimFor, Clock clock) {
        this.mongo = mongo;
        this.owner = owner;
        this.claimFor = claimFor;
        this.clock = clock;
    }

    /** What a claim gave: the aggregates this instance holds, each until when, and how many were taken over. */
    record Held(Map<Object, Instant> until, int takenOver) {

        boolean isEmpty() {
            return until.isEmpty();
        }
    }

    /**
     * Claims the aggregates of {@code ids} that nobody holds, or whose holder's claim expired, in one bulk write of
     * upserts: where another instance holds a live claim, the upsert's insert collides with it and that aggregate is
     * left to its holder.
     */
    Held claim(String collection, Collection<?> ids) {
        if (ids.isEmpty()) {
            return new Held(Map.of(), 0);
        }
        Instant now = clock.instant();
        Instant until = now.plus(claimFor);
        BulkOperations upserts = mongo.bulkOps(BulkOperations.BulkMode.UNORDERED, COLLECTION);
        for (Object id : ids) {
            upserts.upsert(Query.query(Criteria.where("_id").is(key(collection, id))
                            .orOperator(Criteria.where("until").lt(Date.from(now)), Criteria.where("owner").is(owner))),
                    new Update().set("owner", owner).set("until", Date.from(until)).set("collection", collection)
                            .set("aggregateId", id));
        }
        BulkWriteResult result;
        try {
            result = upserts.execute();
        } catch (BulkOperationException e) {
            if (e.getErrors().stream().anyMatch(error -> error.getCode() != DUPLICATE_KEY)) {
                throw e;
            }
            return new Held(held(collection, ids), e.getResult().getMatchedCount());
        } catch (DuplicateKeyException e) {
            // A driver that folds a bulk's duplicate keys into one exception says no more than that.
            return new Held(held(collection, ids), 0);
        }
        Map<Object, Instant> all = new LinkedHashMap<>();
        ids.forEach(id -> all.put(id, until));
        return new Held(all, result.getMatchedCount());
    }

    /** Which of {@code ids} this instance holds now, with the end of each claim. */
    private Map<Object, Instant> held(String collection, Collection<?> ids) {
        Query mine = Query.query(Criteria.where("_id").in(ids.stream().map(id -> key(collection, id)).toList())
                .and("owner").is(owner));
        Map<Object, Instant> held = new LinkedHashMap<>();
        for (Document claim : mongo.find(mine, Document.class, COLLECTION)) {
            held.put(claim.get("aggregateId"), claim.getDate("until").toInstant());
        }
        return held;
    }

    /** Gives up this instance's claims on {@code ids}: the next save, or any instance's next pass, may claim them. */
    void release(String collection, Collection<?> ids) {
        if (!ids.isEmpty()) {
            mongo.remove(Query.query(Criteria.where("_id").in(ids.stream().map(id -> key(collection, id)).toList())
                    .and("owner").is(owner)), COLLECTION);
        }
    }

    /** The aggregates of {@code collection} that other instances hold now; a full pass leaves them out. */
    List<Object> heldByOthers(String collection) {
        Query live = Query.query(Criteria.where("collection").is(collection).and("until").gt(Date.from(clock.instant()))
                .and("owner").ne(owner));
        live.fields().include("aggregateId");
        return mongo.find(live, Document.class, COLLECTION).stream().map(claim -> claim.get("aggregateId")).toList();
    }

    /** Deletes claims that expired long ago: their aggregates had nothing left to publish, or they would be taken. */
    void forgetExpired() {
        mongo.remove(Query.query(Criteria.where("until").lt(Date.from(clock.instant().minus(FORGOTTEN_AFTER)))),
                COLLECTION);
    }

    private static String key(String collection, Object id) {
        return collection + ":" + id;
    }
}
