package org.convoy.gateway.auth;

import java.time.Instant;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.annotation.Id;
import org.springframework.data.domain.Sort;
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
 * then on MongoDB). The gateway refuses them at once; {@link LogoutAnnouncer} tells every service on the session
 * stream, and marks each one announced once the broker has it, so a logout reaches the services even if Kafka was
 * away when it happened.
 */
final class RevokedTokens {

    private final ReactiveMongoOperations mongo;

    RevokedTokens(ReactiveMongoOperations mongo) {
        this.mongo = mongo;
    }

    Mono<Void> createIndexes() {
        return mongo.indexOps(Revoked.class)
                .createIndex(new Index().on("expiresAt", Sort.Direction.ASC).expire(java.time.Duration.ZERO))
                .then(mongo.indexOps(Revoked.class).createIndex(new Index().on("announced", Sort.Direction.ASC)))
                .then();
    }

    Mono<Void> revoke(String tokenId, String username, Instant expiresAt) {
        return mongo.insert(new Revoked(tokenId, username, expiresAt, false)).then()
                .onErrorResume(DuplicateKeyException.class, already -> Mono.empty());
    }

    Mono<Boolean> isRevoked(String tokenId) {
        return tokenId == null ? Mono.just(false)
                : mongo.exists(Query.query(Criteria.where("_id").is(tokenId)), Revoked.class);
    }

    /** Logouts the services have not been told of yet, oldest first. */
    Flux<Revoked> unannounced(int limit) {
        return mongo.find(Query.query(Criteria.where("announced").is(false)).limit(limit), Revoked.class);
    }

    Mono<Void> announced(String tokenId) {
        return mongo.updateFirst(Query.query(Criteria.where("_id").is(tokenId)), new Update().set("announced", true),
                Revoked.class).then();
    }

    @Document("revoked_tokens")
    record Revoked(@Id String tokenId, String username, Instant expiresAt, boolean announced) {
    }
}
