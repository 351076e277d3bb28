package org.convoy.gateway.auth;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;


import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.annotation.Id;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.ReactiveMongoOperations;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Tokens ended by a logout, by their {@code jti}, kept until they would have expired anyway (a TTL index removes them
 * then on MongoDB). The gateway refuses them at once; {@link SessionAnnouncer} tells every service on the session
 * stream, and marks each one announced once the broker has it, so a logout reaches the services even if Kafka was
 * away when it happened.
 *
 * <p>Checking a token costs no store call: the gateway keeps the revoked tokens in memory, adds its own logouts at
 * once, and learns those of other gateway instances every {@code refresh}. A store that stops answering leaves the
 * last known list in force instead of holding every call, for a while: see {@link AuthProperties#denyListMaxAge()}.
 */
class RevokedTokens extends RefreshedFromStore {

    /** Until when an instance announcing a logout has it to itself; a field of the document, not of the record. */
    static final String CLAIMED_UNTIL = "claimedUntil";

    private final ReactiveMongoOperations mongo;
    private final Clock clock;
    private final Map<String, Instant> known = new ConcurrentHashMap<>();

    RevokedTokens(ReactiveMongoOperations mongo, Clock clock, Duration refresh) {
        super("revoked tokens", refresh, clock);
        this.mongo = mongo;
        this.clock = clock;
    }

    Mono<Void> createIndexes() {
        return mongo.indexOps(Revoked.class)
                .createIndex(new Index().on("expiresAt", Sort.Direction.ASC).expire(Duration.ZERO))
                .then(mongo.indexOps(Revoked.class).createIndex(new Index().on("announced", Sort.Direction.ASC)))
                .then();
    }

    Mono<Void> revoke(String tokenId, String username, Instant expiresAt) {
        return mongo.insert(new Revoked(tokenId, username, expiresAt, false)).then()
                .onErrorResume(DuplicateKeyException.class, already -> Mono.empty())
                .doOnSuccess(done -> known.put(tokenId, expiresAt));
    }

    boolean isRevoked(String tokenId) {
        return tokenId != null && known.containsKey(tokenId);
    }

    /** Reads the tokens revoked and not yet expired, by any gateway instance; forgets those expired. */
    @Override
    Mono<Void> refresh() {
        Instant now = clock.instant();
        Query current = Query.query(Criteria.where("expiresAt").gt(now.minusSeconds(60)));
        current.fields().include("_id", "expiresAt");
        return mongo.find(current, Revoked.class).doOnNext(token -> known.put(token.tokenId(), token.expiresAt()))
                .then(Mono.fromRunnable(() -> known.values().removeIf(expiresAt -> expiresAt.isBefore(
                        now.minusSeconds(60)))));
    }

    /** Logouts the services have not been told of yet, oldest first. */
    Flux<Revoked> unannounced(int limit) {
        return mongo.find(Query.query(Criteria.where("announced").is(false)).limit(limit), Revoked.class);
    }

    /**
     * Takes a logout for this instance to announce, unless it was announced meanwhile or another gateway instance has
     * taken it and its claim has not ended: so each logout goes out once, however many instances announce.
     *
     * @return the logout, empty when it is not this instance's to announce
     */
    Mono<Revoked> claim(Revoked token, Instant until) {
        Query free = Query.query(Criteria.where("_id").is(token.tokenId()).and("announced").is(false)
                .orOperator(Criteria.where(CLAIMED_UNTIL).exists(false), Criteria.where(CLAIMED_UNTIL)
                        .lte(clock.instant())));
        return mongo.findAndModify(free, new Update().set(CLAIMED_UNTIL, until),
                FindAndModifyOptions.options().returnNew(true), Revoked.class);
    }

    /** Gives a claimed logout back, so that the next pass of any instance announces it. */
    Mono<Void> release(String tokenId) {
        return mongo.updateFirst(Query.query(Criteria.where("_id").is(tokenId)), new Update().unset(CLAIMED_UNTIL),
                Revoked.class).then();
    }

    Mono<Void> announced(String tokenId) {
        return mongo.updateFirst(Query.query(Criteria.where("_id").is(tokenId)), new Update().set("announced", true),
                Revoked.class).then();
    }

    @Document("revoked_tokens")
    record Revoked(@Id String tokenId, String username, Instant expiresAt, boolean announced) {
    }
}
