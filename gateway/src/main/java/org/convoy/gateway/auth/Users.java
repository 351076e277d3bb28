package org.convoy.gateway.auth;

import java.time.Instant;
import java.util.List;

import org.springframework.data.annotation.Id;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.ReactiveMongoOperations;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

import reactor.core.publisher.Flux;
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

    /** Every account, by user name. */
    Flux<User> all() {
        return mongo.find(new Query().with(Sort.by("_id")), User.class);
    }

    /** Fails with {@code DuplicateKeyException} when the name is taken. */
    Mono<User> insert(User user) {
        return mongo.insert(user);
    }

    /** Saves whether the account may log in and the convoys it is limited to; empty when it has gone meanwhile. */
    Mono<User> changeAccess(String username, boolean enabled, List<String> convoys) {
        return mongo.findAndModify(Query.query(Criteria.where("_id").is(username)),
                new Update().set("enabled", enabled).set("convoys", convoys),
                FindAndModifyOptions.options().returnNew(true), User.class);
    }

    Mono<Void> changePassword(String username, String passwordHash, Instant at) {
        return mongo.updateFirst(Query.query(Criteria.where("_id").is(username)),
                new Update().set("passwordHash", passwordHash).set("passwordChangedAt", at), User.class).then();
    }

    /** @return whether there was such a user */
    Mono<Boolean> delete(String username) {
        return mongo.remove(Query.query(Criteria.where("_id").is(username)), User.class)
                .map(result -> result.getDeletedCount() > 0);
    }

    /** How many administrators may log in; accounts stored before accounts could be disabled are enabled. */
    Mono<Long> enabledAdministrators() {
        return mongo.count(Query.query(Criteria.where("roles").is(ADMIN).and("enabled").ne(false)), User.class);
    }

    /** A user name as stored and compared: trimmed and lower case. */
    static String normalize(String username) {
        return username == null ? "" : username.strip().toLowerCase(java.util.Locale.ROOT);
    }

    /**
     * @param username          the login name, lower case
     * @param passwordHash      BCrypt
     * @param roles             ORGANIZER, ADMIN
     * @param enabled           false: the account cannot log in; absent (accounts stored before it existed): true
     * @param convoys           the convoys an organizer is limited to, in her tokens' {@code convoys} claim; empty or
     *                          absent: every convoy
     * @param passwordChangedAt when she last changed her password herself; absent until then
     */
    @Document("users")
    record User(@Id String username, String passwordHash, List<String> roles, Instant createdAt, String createdBy,
            Boolean enabled, List<String> convoys, Instant passwordChangedAt) {

        static User create(String username, String passwordHash, List<String> roles, Instant createdAt,
                String createdBy) {
            return new User(username, passwordHash, roles, createdAt, createdBy, true, List.of(), null);
        }

        boolean mayLogIn() {
            return !Boolean.FALSE.equals(enabled);
        }

        boolean administrator() {
            return roles != null && roles.contains(ADMIN);
        }

        List<String> convoysOrEvery() {
            return convoys == null ? List.of() : convoys;
        }
    }
}
