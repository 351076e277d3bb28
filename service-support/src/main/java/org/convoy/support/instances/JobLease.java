package org.convoy.support.instances;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;

import org.bson.Document;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

/**
 * The right to run one timed job, held by one instance at a time: a document {@code {_id: job, owner, until, since}}
 * in {@value #COLLECTION}, taken and renewed with conditional {@code findAndModify}s, so it works on the MongoDB-wire
 * store and on real MongoDB alike. Its holder renews it; when the holder stops renewing (it died, or lost the store)
 * the lease ends at {@code until} and the next instance to ask takes it.
 */
public final class JobLease {

    static final String COLLECTION = "job_leases";

    private final MongoOperations mongo;
    private final String job;
    private final String owner;
    private final Duration leaseFor;
    private final Clock clock;
    private volatile Instant heldUntil = Instant.MIN;

    public JobLease(MongoOperations mongo, String job, String owner, Duration leaseFor, Clock clock) {
        this.mongo = mongo;
        this.job = job;
        this.owner = owner;
        this.leaseFor = leaseFor;
        this.clock = clock;
    }

    public String job() {
        return job;
    }

    /**
     * Renews the lease if this instance holds it, takes it if it is free or has ended, and otherwise leaves it to its
     * holder.
     *
     * @return whether this instance holds the lease now
     */
    public boolean acquire() {
        Instant now = clock.instant();
        Date until = Date.from(now.plus(leaseFor));
        FindAndModifyOptions returnNew = FindAndModifyOptions.options().returnNew(true);
        Document renewed = mongo.findAndModify(Query.query(Criteria.where("_id").is(job).and("owner").is(owner)),
                new Update().set("until", until), returnNew, Document.class, COLLECTION);
        if (renewed == null) {
            Query ended = Query.query(Criteria.where("_id").is(job).and("until").lt(Date.from(now)));
            Document taken = mongo.findAndModify(ended,
                    new Update().set("owner", owner).set("until", until).set("since", Date.from(now)), returnNew,
                    Document.class, COLLECTION);
            if (taken == null && !inserted(now, until)) {
                heldUntil = Instant.MIN;
                return false;
            }
        }
        heldUntil = until.toInstant();
        return true;
    }

    private boolean inserted(Instant now, Date until) {
        try {
            mongo.insert(new Document("_id", job).append("owner", owner).append("until", until)
                    .append("since", Date.from(now)), COLLECTION);
            return true;
        } catch (DuplicateKeyException held) {
            return false;
        }
    }

    /** Whether this instance held the lease when it last asked, and that holding has not ended since. */
    public boolean held() {
        return clock.instant().isBefore(heldUntil);
    }

    /** Ends the lease now if this instance holds it, so that another instance takes it at its next try. */
    public void release() {
        heldUntil = Instant.MIN;
        mongo.remove(Query.query(Criteria.where("_id").is(job).and("owner").is(owner)), COLLECTION);
    }
}
