package org.convoy.notification.notice.sms;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.bson.Document;
import org.convoy.support.sms.TextingProperties;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * How many texts the platform may still send this hour, in all and to one number, counted in the store so every
 * instance shares the budget. A text is counted when it is about to go; over either budget it waits for the next hour
 * ({@code convoy.notification.sms.over-budget} counts how often), and the delivery log says why.
 */
@Component
public class SmsBudget {

    static final String COLLECTION = "sms_budget";

    private final MongoOperations mongo;
    private final TextingProperties limits;
    private final MeterRegistry meters;
    private final Clock clock;

    SmsBudget(MongoOperations mongo, TextingProperties limits, MeterRegistry meters, Clock clock) {
        this.mongo = mongo;
        this.limits = limits;
        this.meters = meters;
        this.clock = clock;
        mongo.indexOps(COLLECTION).createIndex(new Index().on("expiresAt", Sort.Direction.ASC).expire(Duration.ZERO));
        // A number's counts are forgotten when its delegate is erased.
        mongo.indexOps(COLLECTION).createIndex(new Index().on("number", Sort.Direction.ASC).sparse().named("by_number"));
    }

    /** Takes one text from this hour's budgets (empty), or, when either is spent, says when the next hour starts. */
    public Optional<Instant> holdUntil(String number) {
        Instant hour = clock.instant().truncatedTo(ChronoUnit.HOURS);
        String platformKey = "platform:" + hour.atOffset(ZoneOffset.UTC);
        String numberKey = "number:" + number + ":" + hour.atOffset(ZoneOffset.UTC);
        if (!take(platformKey, null, limits.platformPerHour(), hour)) {
            return over("platform", hour);
        }
        if (!take(numberKey, number, limits.perNumberPerHour(), hour)) {
            mongo.updateFirst(Query.query(Criteria.where("_id").is(platformKey)), new Update().inc("count", -1),
                    COLLECTION);
            return over("number", hour);
        }
        return Optional.empty();
    }

    /** Forgets what was counted for a number (its owner was erased); the platform's count stays. */
    public void forget(String number) {
        mongo.remove(Query.query(Criteria.where("number").is(number)), COLLECTION);
    }

    private boolean take(String key, String number, int limit, Instant hour) {
        Update counted = new Update().inc("count", 1).setOnInsert("expiresAt", hour.plus(Duration.ofHours(2)));
        if (number != null) {
            counted.setOnInsert("number", number);
        }
        try {
            mongo.findAndModify(Query.query(Criteria.where("_id").is(key).and("count").lt(limit)), counted,
                    FindAndModifyOptions.options().upsert(true).returnNew(true), Document.class, COLLECTION);
            return true;
        } catch (DuplicateKeyException spent) {
            return false;
        }
    }

    private Optional<Instant> over(String scope, Instant hour) {
        Counter.builder("convoy.notification.sms.over-budget").tag("scope", scope)
                .description("Texts held for the next hour because a texting budget was spent").register(meters)
                .increment();
        return Optional.of(hour.plus(Duration.ofHours(1)));
    }
}
