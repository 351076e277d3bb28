package org.convoy.notification.notice.sms;

import java.time.Clock;
import java.util.List;
import java.util.UUID;

import org.bson.Document;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

/**
 * For the local platform: keeps each text in the {@code local_sms} collection instead of sending it, where a person
 * reads them at {@code GET /api/notifications/local-sms}.
 */
public class LocalSmsProvider implements SmsProvider {

    public static final String COLLECTION = "local_sms";

    private final MongoOperations mongo;
    private final Clock clock;

    public LocalSmsProvider(MongoOperations mongo, Clock clock) {
        this.mongo = mongo;
        this.clock = clock;
        // A number's texts are forgotten when its delegate is erased.
        mongo.indexOps(COLLECTION).createIndex(new Index().on("to", Sort.Direction.ASC).named("by_number"));
    }

    @Override
    public String send(String to, String text) {
        String id = "local-" + UUID.randomUUID();
        SmsSegments segments = SmsSegments.of(text);
        mongo.insert(new Document("_id", id).append("to", to).append("text", text)
                .append("encoding", segments.encoding().name()).append("segments", segments.segments())
                .append("sentAt", clock.instant()), COLLECTION);
        return id;
    }

    /** Forgets every text kept for this number (its delegate was erased). */
    public void forget(String phone) {
        mongo.remove(Query.query(Criteria.where("to").is(phone)), COLLECTION);
    }

    /** The texts kept, newest first. */
    public List<Document> recent(int limit) {
        return mongo.find(new Query().with(Sort.by(Sort.Direction.DESC, "sentAt")).limit(limit), Document.class,
                COLLECTION);
    }
}
