package org.convoy.support.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.bson.Document;
import org.convoy.events.OrganizerAccessEnded;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

/**
 * Organizers whose access ended (disabled, removed, given other convoys, or a new password), from the session
 * stream: a token of hers issued at or before that moment ({@code iat <= endedAt}) is refused; one issued later
 * works. One mark per user name, the latest, kept in the service's own store until every token it covers has
 * expired (a TTL index clears it on MongoDB), so every instance knows it, and in memory, read again from the store
 * every {@code refresh}, so checking a token costs no store call.
 */
public class EndedAccess extends RefreshedFromStore {

    static final String COLLECTION = "ended_access";
    private static final Logger log = LoggerFactory.getLogger(EndedAccess.class);
    /** The clock skew the token checks allow past {@code exp}; a mark outlives its tokens by as much. */
    private static final Duration SKEW = Duration.ofSeconds(60);

    private final MongoOperations mongo;
    private final Clock clock;
    private final Map<String, Mark> known = new ConcurrentHashMap<>();

    public EndedAccess(MongoOperations mongo, Clock clock, Duration refresh) {
        super("ended access", refresh);
        this.mongo = mongo;
        this.clock = clock;
    }

    /** Keeps the ending; repeating it, or learning an older one later, changes nothing. */
    public void accessEnded(OrganizerAccessEnded event) {
        mongo.upsert(Query.query(Criteria.where("_id").is(event.username())),
                new Update().max("endedAt", event.endedAt()).max("forgetAfter", event.tokensExpireBy()),
                COLLECTION);
        remember(event.username(), new Mark(event.endedAt(), event.tokensExpireBy()));
        log.atInfo().addKeyValue("user", event.username()).addKeyValue("reason", event.reason())
                .log("Organizer's access ended; her tokens issued until then are refused from now on");
    }

    /** Whether this user's token issued at {@code issuedAt} was ended; one that does not say when it was issued is. */
    public boolean refuses(String username, Instant issuedAt) {
        if (username == null) {
            return false;
        }
        Mark mark = known.get(username);
        if (mark == null || mark.forgetAfter().isBefore(clock.instant().minus(SKEW))) {
            return false;
        }
        return issuedAt == null || !issuedAt.isAfter(mark.endedAt());
    }

    /** Reads every mark still in force, whichever instance recorded it; forgets those whose tokens have all expired. */
    @Override
    void refresh() {
        Instant now = clock.instant();
        Query current = Query.query(Criteria.where("forgetAfter").gt(now.minus(SKEW)));
        for (Document mark : mongo.find(current, Document.class, COLLECTION)) {
            remember(mark.getString("_id"), new Mark(mark.getDate("endedAt").toInstant(),
                    mark.getDate("forgetAfter").toInstant()));
        }
        known.values().removeIf(mark -> mark.forgetAfter().isBefore(now.minus(SKEW)));
    }

    private void remember(String username, Mark mark) {
        known.merge(username, mark, Mark::latest);
    }

    @Override
    void createIndexes() {
        mongo.indexOps(COLLECTION).createIndex(new Index().on("forgetAfter", Sort.Direction.ASC).expire(SKEW));
    }

    private record Mark(Instant endedAt, Instant forgetAfter) {

        Mark latest(Mark other) {
            return new Mark(endedAt.isAfter(other.endedAt) ? endedAt : other.endedAt,
                    forgetAfter.isAfter(other.forgetAfter) ? forgetAfter : other.forgetAfter);
        }
    }
}
