package org.convoy.notification.notice.domain;

import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.stereotype.Component;

/**
 * Creates the indexes of the delivery log when the service starts: the retrier looks every second for the few
 * notices due again among all those sent, a delegate's notices are found when she is erased or looked up, and a
 * sent message when its provider reports on it.
 */
@Component
class NoticeIndexes implements SmartInitializingSingleton {

    private final MongoOperations mongo;

    NoticeIndexes(MongoOperations mongo) {
        this.mongo = mongo;
    }

    @Override
    public void afterSingletonsInstantiated() {
        var indexes = mongo.indexOps(Notice.class);
        indexes.createIndex(new Index().on("status", Sort.Direction.ASC).named("by_status"));
        indexes.createIndex(new Index().on("delegateId", Sort.Direction.ASC).named("by_delegate"));
        // A provider's later report on a message it took (WhatsApp: not delivered) names it by its own id.
        indexes.createIndex(new Index().on("providerId", Sort.Direction.ASC).sparse().named("by_provider_id"));
    }
}
