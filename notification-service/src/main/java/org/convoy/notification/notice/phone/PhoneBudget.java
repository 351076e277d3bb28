package org.convoy.notification.notice.phone;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.bson.Document;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

/**
 * How many messages a channel that sends to phones (SMS, WhatsApp) may still send this hour, in all and to one number,
 * counted in the store so every instance shares the budget; each channel has its own. A message is counted when it is
 * about to go; over either budget it waits for the next hour ({@code convoy.notification.over-budget} counts how
 * often, by channel and scope), and the delivery log says why.
 */
public class PhoneBudget {

    static final String COLLECTION = "phone_budget";

    private final String channel;
    private final int perNumberPerHour;
    private final int platformPerHour;
    private final MongoOperations mongo;
    private final MeterRegistry meters;
    private final Clock clock;

    /**
     * @param channel          whose budget it is: {@code SMS}, {@code WHATSAPP}
     * @param perNumberPerHour messages one number may receive in an hour on this channel
     * @param platformPerHour  messages the whole platform may send in an hour on this channel
     */
    public PhoneBudget(String channel, int perNumberPerHour, int platformPerHour, MongoOperations mongo,
            MeterRegistry meters, Clock clock) {
        this.channel = channel;
        this.perNumberPerHour = perNumberPerHour;
        this.platformPerHour = platformPerHour;
        this.mongo = mongo;
        this.meters = meters;
        this.clock = clock;
        mongo.indexOps(COLLECTION).createIndex(new Index().on("expiresAt", Sort.Direction.ASC).expire(Duration.ZERO));
        // A number's counts are forgotten when its delegate is erased.
        mongo.indexOps(COLLECTION).createIndex(new Index().on("number", Sort.Direction.ASC).sparse().named("by_number"));
    }

    /** Takes one message from this hour's budgets (empty), or, when either is spent, says when the next hour starts. */
    public Optional<Instant> holdUntil(String number) {
        Instant hour = clock.instant().truncatedTo(ChronoUnit.HOURS);
        String platformKey = channel + ":platform:" + hour.atOffset(ZoneOffset.UTC);
        String numberKey = channel + ":number:" + number + ":" + hour.atOffset(ZoneOffset.UTC);
        if (!take(platformKey, null, platformPerHour, hour)) {
            return over("platform", hour);
        }
        if (!take(numberKey, number, perNumberPerHour, hour)) {
            mongo.updateFirst(Query.query(Criteria.where("_id").is(platformKey)), new Update().inc("count", -1),
                    COLLECTION);
            return over("number", hour);
        }
        return Optional.empty();
    }

    /** Forgets what was counted for a number on this channel (its owner was erased); the platform's count stays. */
    public void forget(String number) {
        mongo.remove(Query.query(Criteria.where("number").is(number).and("channel").is(channel)), COLLECTION);
    }

    private boolean take(String key, String number, int limit, Instant hour) {
        Update counted = new Update().inc("count", 1).setOnInsert("expiresAt", hour.plus(Duration.ofHours(2)));
        if (number != null) {
            counted.setOnInsert("number", number).setOnInsert("channel", channel);
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
        Counter.builder("convoy.notification.over-budget").tag("channel", channel).tag("scope", scope)
                .description("Messages held for the next hour because a channel's budget was spent").register(meters)
                .increment();
        return Optional.of(hour.plus(Duration.ofHours(1)));
    }
}
