package org.convoy.registration.delegate;

import org.convoy.registration.delegate.domain.Registration;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.core.annotation.Order;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.stereotype.Component;

/** Creates the indexes registration relies on when the service starts. */
@Component
@Order(0)
class RegistrationIndexes implements SmartInitializingSingleton {

    private final MongoOperations mongo;

    RegistrationIndexes(MongoOperations mongo) {
        this.mongo = mongo;
    }

    @Override
    public void afterSingletonsInstantiated() {
        var indexes = mongo.indexOps(Registration.class);
        indexes.createIndex(new Index().on("convoyId", Sort.Direction.ASC).on("members.emailKey", Sort.Direction.ASC)
                .unique().named("one_registration_per_email_and_convoy"));
        indexes.createIndex(new Index().on("idempotencyKey", Sort.Direction.ASC).unique().sparse()
                .named("one_registration_per_idempotency_key"));
        indexes.createIndex(new Index().on("members.delegateId", Sort.Direction.ASC).named("by_delegate"));
        indexes.createIndex(new Index().on("members.linkCode.hash", Sort.Direction.ASC).sparse().named("by_link_code"));
        // The settler looks every few seconds for the few groups with a step left undone.
        indexes.createIndex(new Index().on("placeState", Sort.Direction.ASC).named("by_place_state"));
        indexes.createIndex(new Index().on("releasePending", Sort.Direction.ASC).named("by_release_pending"));
    }
}
