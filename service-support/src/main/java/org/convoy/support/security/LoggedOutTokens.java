package org.convoy.support.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.bson.Document;
import org.convoy.events.OrganizerLoggedOut;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

/**
 * Tokens organizers logged out of before they expired, from the session stream. Each is kept in the service's own
 * store until it would have expired (a TTL index clears it on MongoDB), so every instance of the service knows it,
 * and in memory, refreshed from the store every {@code refresh}, so checking a token costs no store call.
 */
public class LoggedOutTokens extends RefreshedFromStore {

    static final String COLLECTION = "logged_out_tokens";
    private static final Logger log = LoggerFactory.getLogger(LoggedOutTokens.class);

    private final MongoOperations mongo;
    private final Clock clock;
    private final Map<String, Instant> known = new ConcurrentHashMap<>();
    private volatile Instant seenUntil = Instant.EPOCH;

    public LoggedOutTokens(MongoOperations mongo, Clock clock, Duration refresh) {
        super("logged-out tokens", refresh);
        this.mongo = mongo;
        this.clock = clock;
    }

    /** Keeps a logout; repeating it changes nothing. */
    public void loggedOut(OrganizerLoggedOut event) {
        mongo.upsert(Query.query(Criteria.where("_id").is(event.tokenId())),
                new Update().setOnInsert("expiresAt", event.tokenExpiresAt()).setOnInsert("username", event.username())
                        .setOnInsert("recordedAt", clock.instant()),
                COLLECTION);
        known.put(event.tokenId(), event.tokenExpiresAt());
        log.atInfo().addKeyValue("user", event.username()).log("Token logged out; refused from now on");
    }

    public boolean isLoggedOut(String tokenId) {
        if (tokenId == null) {
            return false;
        }
        Instant expiresAt = known.get(tokenId);
        return expiresAt != null && expiresAt.isAfter(clock.instant().minusSeconds(60));
    }

    /** Learns the logouts other instances of this service recorded since the last look; forgets expired tokens. */
    @Override
    void refresh() {
        Query newer = Query.query(Criteria.where("recordedAt").gte(seenUntil)).with(Sort.by("recordedAt"));
        for (Document token : mongo.find(newer, Document.class, COLLECTION)) {
            known.put(token.getString("_id"), token.getDate("expiresAt").toInstant());
            seenUntil = token.getDate("recordedAt").toInstant();
        }
        Instant now = clock.instant();
        known.values().removeIf(expiresAt -> expiresAt.isBefore(now.minusSeconds(60)));
    }

    @Override
    void createIndexes() {
        mongo.indexOps(COLLECTION).createIndex(new Index().on("expiresAt", Sort.Direction.ASC).expire(Duration.ZERO));
        mongo.indexOps(COLLECTION).createIndex(new Index().on("recordedAt", Sort.Direction.ASC));
    }
}
