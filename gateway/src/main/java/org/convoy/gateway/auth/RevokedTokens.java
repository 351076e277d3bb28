package org.convoy.gateway.auth;

import java.time.Instant;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.ReactiveMongoOperations;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.data.domain.Sort;

import reactor.core.publisher.Mono;

/**
 * Tokens ended by a logout, by their {@code jti}, kept until they would have expired anyway (a TTL index removes them
 * then on MongoDB). The gateway refuses them; a service called directly, around the gateway, still accepts one until
 * it expires, which is why tokens live only minutes.
 */
final class RevokedTokens {

    private final ReactiveMongoOperations mongo;

    RevokedTokens(ReactiveMongoOperations mongo) {
        this.mongo = mongo;
    }

    Mono<Void> createIndexes() {
        return mongo.indexOps(Revoked.class)
                .createIndex(new Index().on("expiresAt", Sort.Direction.ASC).expire(java.time.Duration.ZERO))
                .then();
    }

    Mono<Void> revoke(String tokenId, Instant expiresAt) {
        return mongo.insert(new Revoked(tokenId, expiresAt)).then()
                .onErrorResume(DuplicateKeyException.class, already -> Mono.empty());
    }

    Mono<Boolean> isRevoked(String tokenId) {
        return tokenId == null ? Mono.just(false) : mongo.exists(
                org.springframework.data.mongodb.core.query.Query.query(
                        org.springframework.data.mongodb.core.query.Criteria.where("_id").is(tokenId)), Revoked.class);
    }

    @Document("revoked_tokens")
    record Revoked(@Id String tokenId, Instant expiresAt) {
    }
}
