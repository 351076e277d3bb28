package org.convoy.notification.notice.whatsapp.web;

import java.util.List;

import org.bson.Document;
import org.convoy.notification.notice.whatsapp.LocalWhatsAppProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** On the local platform, the WhatsApp messages that would have been sent, newest first. */
@RestController
@ConditionalOnProperty(name = "convoy.notification.whatsapp.provider", havingValue = "local", matchIfMissing = true)
class LocalWhatsAppController {

    private final LocalWhatsAppProvider messages;

    LocalWhatsAppController(LocalWhatsAppProvider messages) {
        this.messages = messages;
    }

    @GetMapping("/api/notifications/local-whatsapp")
    List<Document> messages() {
        return messages.recent(200);
    }
}
