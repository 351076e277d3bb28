package org.convoy.support.inbox;

import java.time.Instant;

import org.bson.Document;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

/** Remembers which events each consumer has handled, one document per (consumer, eventId). */
public class ProcessedEvents {

    static final String COLLECTION = "processed_events";

    private final MongoOperations mongo;

    public ProcessedEvents(MongoOperations mongo) {
        this.mongo = mongo;
    }

    public boolean isProcessed(String consumer, String eventId) {
        return mongo.exists(Query.query(Criteria.where("_id").is(key(consumer, eventId))), COLLECTION);
    }

    public void markProcessed(String consumer, String eventId, String type) {
        try {
            mongo.insert(new Document("_id", key(consumer, eventId))
                    .append("consumer", consumer)
                    .append("eventId", eventId)
                    .append("type", type)
                    .append("processedAt", Instant.now()), COLLECTION);
        } catch (DuplicateKeyException alreadyMarked) {
            // handled twice concurrently; the handlers are idempotent, so the first mark stands
        }
    }

    private static String key(String consumer, String eventId) {
        return consumer + ":" + eventId;
    }
}
