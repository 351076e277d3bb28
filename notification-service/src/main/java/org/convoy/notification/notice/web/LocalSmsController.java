package org.convoy.notification.notice.web;

import java.util.List;

import org.bson.Document;
import org.convoy.notification.notice.sms.LocalSmsProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** On the local platform, the text messages that would have been sent, newest first. */
@RestController
@ConditionalOnProperty(name = "convoy.notification.sms.provider", havingValue = "local", matchIfMissing = true)
class LocalSmsController {

    private final MongoOperations mongo;

    LocalSmsController(MongoOperations mongo) {
        this.mongo = mongo;
    }

    @GetMapping("/api/notifications/local-sms")
    List<Document> texts() {
        return mongo.find(new Query().with(Sort.by(Sort.Direction.DESC, "sentAt")).limit(200), Document.class,
                LocalSmsProvider.COLLECTION);
    }
}
