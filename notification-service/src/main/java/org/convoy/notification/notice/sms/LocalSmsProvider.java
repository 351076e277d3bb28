package org.convoy.notification.notice.sms;

import java.time.Clock;
import java.util.List;
import java.util.UUID;

import org.bson.Document;
import org.convoy.notification.notice.phone.LocalMessages;
import org.springframework.data.mongodb.core.MongoOperations;

/**
 * For the local platform: keeps each text in the {@code local_sms} collection instead of sending it, with its
 * encoding and segments, where a person reads them at {@code GET /api/notifications/local-sms} (the console's Local
 * messages tab).
 */
public class LocalSmsProvider implements SmsProvider {

    public static final String COLLECTION = "local_sms";

    private final LocalMessages kept;
    private final Clock clock;

    public LocalSmsProvider(MongoOperations mongo, Clock clock) {
        this.kept = new LocalMessages(mongo, COLLECTION);
        this.clock = clock;
    }

    @Override
    public String send(String to, String text) {
        String id = "local-" + UUID.randomUUID();
        SmsSegments segments = SmsSegments.of(text);
        kept.keep(new Document("_id", id).append("to", to).append("text", text)
                .append("encoding", segments.encoding().name()).append("segments", segments.segments())
                .append("sentAt", clock.instant()));
        return id;
    }

    /** Forgets every text kept for this number (its delegate was erased). */
    public void forget(String phone) {
        kept.forget(phone);
    }

    /** The texts kept, newest first. */
    public List<Document> recent(int limit) {
        return kept.recent(limit);
    }
}
