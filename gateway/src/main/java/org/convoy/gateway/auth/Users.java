package org.convoy.gateway.auth;

import java.time.Instant;
import java.util.List;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.ReactiveMongoOperations;
import org.springframework.data.mongodb.core.mapping.Document;

import reactor.core.publisher.Mono;

/** Organizer accounts in the gateway's own database; the user name is the document id, so it is unique. */
final class Users {

    static final String ORGANIZER = "ORGANIZER";
    static final String ADMIN = "ADMIN";

    private final ReactiveMongoOperations mongo;

    Users(ReactiveMongoOperations mongo) {
        this.mongo = mongo;
    }

    Mono<User> find(String username) {
        return mongo.findById(username, User.class);
    }

    /** Fails with {@code DuplicateKeyException} when the name is taken. */
    Mono<User> insert(User user) {
        return mongo.insert(user);
    }

    /** A user name as stored and compared: trimmed and lower case. */
    static String normalize(String username) {
        return username == null ? "" : username.strip().toLowerCase(java.util.Locale.ROOT);
    }

    /**
     * @param username     the login name, lower case
     * @param passwordHash BCrypt
     * @param roles        ORGANIZER, ADMIN
     */
    @Document("users")
    record User(@Id String username, String passwordHash, List<String> roles, Instant createdAt, String createdBy) {
    }
}
