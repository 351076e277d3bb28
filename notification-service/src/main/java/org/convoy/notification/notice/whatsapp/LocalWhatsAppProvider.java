package org.convoy.notification.notice.whatsapp;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.bson.Document;
import org.convoy.notification.notice.domain.Notice;
import org.convoy.notification.notice.phone.LocalMessages;
import org.springframework.data.mongodb.core.MongoOperations;

/**
 * For the local platform: keeps each WhatsApp message in the {@code local_whatsapp} collection instead of sending it,
 * where a person reads them at {@code GET /api/notifications/local-whatsapp} (the console's Local messages tab). Every
 * kind with WhatsApp words has a template here: the configured one, or {@code local:<kind>:<language>}.
 */
public class LocalWhatsAppProvider implements WhatsAppProvider {

    public static final String COLLECTION = "local_whatsapp";

    private final LocalMessages kept;
    private final Clock clock;
    private final Map<String, Map<String, String>> templates;

    public LocalWhatsAppProvider(MongoOperations mongo, Clock clock, Map<String, Map<String, String>> templates) {
        this.kept = new LocalMessages(mongo, COLLECTION);
        this.clock = clock;
        this.templates = templates;
    }

    @Override
    public Optional<String> template(String kind, String language) {
        return Optional.of(templates.getOrDefault(kind, Map.of()).getOrDefault(language,
                "local:" + kind + ":" + language));
    }

    @Override
    public String send(String to, Notice.Template template, String text) {
        String id = "local-wa-" + UUID.randomUUID();
        kept.keep(new Document("_id", id).append("to", to).append("text", text).append("template", template.id())
                .append("language", template.language()).append("variables", template.variables())
                .append("sentAt", clock.instant()));
        return id;
    }

    /** Forgets every message kept for this number (its delegate was erased). */
    public void forget(String phone) {
        kept.forget(phone);
    }

    /** The messages kept, newest first. */
    public List<Document> recent(int limit) {
        return kept.recent(limit);
    }
}
