package org.convoy.gateway.auth;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

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
 * Organizers whose access ended: an administrator disabled or removed them or changed their convoys, or they changed
 * their password. Every token of theirs issued at or before that moment is refused ({@code iat <= endedAt}); they
 * log in again for a new one, when they still may. One mark per user name, the latest, kept in the gateway's store
 * until every token it covers has expired (a TTL index removes it then on MongoDB), and announced from there by
 * {@link SessionAnnouncer}, so services called directly refuse the tokens too, even if Kafka was away.
 *
 * <p>Like {@link RevokedTokens}, checking a token costs no store call: the marks are kept in memory, this instance's
 * at once, those of other gateway instances within {@code refresh}.
 */
class EndedAccess extends RefreshedFromStore {

    /** The clock skew token checks allow past {@code exp}; a mark outlives its tokens by as much. */
    private static final Duration SKEW = Duration.ofSeconds(60);
    /** Until when an instance announcing an ending has it to itself; a field of the document, not of the record. */
    static final String CLAIMED_UNTIL = "claimedUntil";

    private final ReactiveMongoOperations mongo;
    private final Clock clock;
    private final Duration tokenLifetime;
    private final Map<String, Ended> known = new ConcurrentHashMap<>();

    EndedAccess(ReactiveMongoOperations mongo, Clock clock, Duration tokenLifetime, Duration refresh) {
        super("ended access", refresh, clock);
        this.mongo = mongo;
        this.clock = clock;
        this.tokenLifetime = tokenLifetime;
    }

    Mono<Void> createIndexes() {
        return mongo.indexOps(Ended.class)
                .createIndex(new Index().on("tokensExpireBy", Sort.Direction.ASC).expire(SKEW))
                .then(mongo.indexOps(Ended.class).createIndex(new Index().on("announced", Sort.Direction.ASC)))
                .then();
    }

    /**
     * Ends every token of this user issued until now, here at once and, once announced, everywhere.
     *
     * @param reason one of {@code OrganizerAccessEnded}'s reasons, for the services' logs
     */
    Mono<Instant> end(String username, String reason) {
        Instant now = clock.instant();
        Instant expireBy = now.plus(tokenLifetime);
        Query mark = Query.query(Criteria.where("_id").is(username));
        Update update = new Update().max("endedAt", now).max("tokensExpireBy", expireBy).set("reason", reason)
                .set("announced", false).unset(CLAIMED_UNTIL);
        return mongo.findAndModify(mark, update, FindAndModifyOptions.options().upsert(true).returnNew(true),
                        Ended.class)
                .doOnNext(this::remember)
                .map(Ended::endedAt);
    }

    /** Whether this user's token issued at {@code issuedAt} was ended; one that does not say when it was issued is. */
    boolean refuses(String username, Instant issuedAt) {
        if (username == null) {
            return false;
        }
        Ended mark = known.get(username);
        if (mark == null || mark.tokensExpireBy().isBefore(clock.instant().minus(SKEW))) {
            return false;
        }
        return issuedAt == null || !issuedAt.isAfter(mark.endedAt());
    }

    /**
     * How long a login must wait before its token is issued: a token's {@code iat} is in whole seconds, so one issued
     * in the same second as the ending would look issued before it, and be refused. Read from the store, so an ending
     * at another gateway instance counts at once; zero almost always.
     */
    Mono<Duration> waitBeforeIssuing(String username) {
        return mongo.findById(username, Ended.class).map(mark -> {
            Instant firstUsable = mark.endedAt().truncatedTo(ChronoUnit.SECONDS).plusSeconds(1);
            Duration wait = Duration.between(clock.instant(), firstUsable);
            return wait.isNegative() ? Duration.ZERO : wait;
        }).defaultIfEmpty(Duration.ZERO);
    }

    /** Reads the marks still in force, recorded by any gateway instance; forgets those whose tokens have expired. */
    @Override
    Mono<Void> refresh() {
        Instant now = clock.instant();
        return mongo.find(Query.query(Criteria.where("tokensExpireBy").gt(now.minus(SKEW))), Ended.class)
                .doOnNext(this::remember)
                .then(Mono.fromRunnable(() -> known.values().removeIf(mark -> mark.tokensExpireBy().isBefore(
                        now.minus(SKEW)))));
    }

    private void remember(Ended mark) {
        known.merge(mark.username(), mark, (one, other) -> one.endedAt().isAfter(other.endedAt()) ? one : other);
    }

    /** Endings the services have not been told of yet. */
    Flux<Ended> unannounced(int limit) {
        return mongo.find(Query.query(Criteria.where("announced").is(false)).limit(limit), Ended.class);
    }

    /**
     * Takes an ending for this instance to announce, unless a later one replaced it, it was announced meanwhile, or
     * another gateway instance has taken it and its claim has not ended: so each ending goes out once, however many
     * instances announce. A later ending is free to take at once.
     *
     * @return the ending, empty when it is not this instance's to announce
     */
    Mono<Ended> claim(Ended mark, Instant until) {
        Query free = Query.query(Criteria.where("_id").is(mark.username()).and("endedAt").is(mark.endedAt())
                .and("announced").is(false).orOperator(Criteria.where(CLAIMED_UNTIL).exists(false),
                        Criteria.where(CLAIMED_UNTIL).lte(clock.instant())));
        return mongo.findAndModify(free, new Update().set(CLAIMED_UNTIL, until),
                FindAndModifyOptions.options().returnNew(true), Ended.class);
    }

    /** Gives a claimed ending back, so that the next pass of any instance announces it. */
    Mono<Void> release(Ended mark) {
        return mongo.updateFirst(Query.query(Criteria.where("_id").is(mark.username()).and("endedAt")
                .is(mark.endedAt())), new Update().unset(CLAIMED_UNTIL), Ended.class).then();
    }

    /** Marks the ending announced, unless a later one for the same user arrived meanwhile: that one waits its turn. */
    Mono<Void> announced(Ended mark) {
        return mongo.updateFirst(Query.query(Criteria.where("_id").is(mark.username()).and("endedAt").is(mark.endedAt())),
                new Update().set("announced", true), Ended.class).then();
    }

    /**
     * @param endedAt        tokens issued at or before it are refused
     * @param tokensExpireBy when every token it covers has expired; the mark is forgotten then
     * @param reason         why, for the services' logs
     * @param announced      whether the broker has the newest ending
     */
    @Document("ended_access")
    record Ended(@Id String username, Instant endedAt, Instant tokensExpireBy, String reason, boolean announced) {
    }
}
