package org.convoy.registration.delegate;

import org.convoy.registration.delegate.domain.Delegate;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.stereotype.Component;

/** Creates the indexes registration relies on when the service starts. */
@Component
class DelegateIndexes implements SmartInitializingSingleton {

    private final MongoOperations mongo;

    DelegateIndexes(MongoOperations mongo) {
        this.mongo = mongo;
    }

    @Override
    public void afterSingletonsInstantiated() {
        mongo.indexOps(Delegate.class).createIndex(new Index()
                .on("convoyId", Sort.Direction.ASC).on("emailKey", Sort.Direction.ASC)
                .unique().named("one_registration_per_email_and_convoy"));
    }
}
