package org.convoy.notification.notice.phone;

import java.util.List;

import org.bson.Document;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

/**
 * For the local platform: the messages a phone channel's local adapter keeps instead of sending them, one collection
 * per channel, each with its number ({@code to}) and when it was "sent" ({@code sentAt}), for a person to read.
 */
public class LocalMessages {

    private final MongoOperations mongo;
    private final String collection;

    public LocalMessages(MongoOperations mongo, String collection) {
        this.mongo = mongo;
        this.collection = collection;
        // A number's messages are forgotten when its delegate is erased.
        mongo.indexOps(collection).createIndex(new Index().on("to", Sort.Direction.ASC).named("by_number"));
    }

    public void keep(Document message) {
        mongo.insert(message, collection);
    }

    /** Forgets every message kept for this number (its delegate was erased). */
    public void forget(String phone) {
        mongo.remove(Query.query(Criteria.where("to").is(phone)), collection);
    }

    /** The messages kept, newest first. */
    public List<Document> recent(int limit) {
        return mongo.find(new Query().with(Sort.by(Sort.Direction.DESC, "sentAt")).limit(limit), Document.class,
                collection);
    }
}
