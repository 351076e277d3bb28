package org.convoy.notification.notice.sms.web;

import java.util.List;

import org.bson.Document;
import org.convoy.notification.notice.sms.LocalSmsProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** On the local platform, the text messages that would have been sent, newest first. */
@RestController
@ConditionalOnProperty(name = "convoy.notification.sms.provider", havingValue = "local", matchIfMissing = true)
class LocalSmsController {

    private final LocalSmsProvider texts;

    LocalSmsController(LocalSmsProvider texts) {
        this.texts = texts;
    }

    @GetMapping("/api/notifications/local-sms")
    List<Document> texts() {
        return texts.recent(200);
    }
}
