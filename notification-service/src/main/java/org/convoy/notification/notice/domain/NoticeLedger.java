package org.convoy.notification.notice.domain;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * Records the intent to send before sending, so each (event, recipient, channel) is sent at most once: a claim
 * succeeds for a new notice or for one whose earlier attempt failed, never for one already sent or in flight.
 */
@Component
public class NoticeLedger {

    private final MongoOperations mongo;

    NoticeLedger(MongoOperations mongo) {
        this.mongo = mongo;
    }

    /** @return the claimed notice, or empty when it was already sent or is being sent */
    public Optional<Notice> claim(UUID eventId, String eventType, UUID delegateId, Notice.Channel channel, String kind,
            Instant now) {
        String id = Notice.idOf(eventId, delegateId, channel);
        try {
            Notice notice = new Notice(id, eventId, eventType, delegateId, channel, kind, Notice.Status.PENDING, 1, null,
                    now, null);
            mongo.insert(notice);
            return Optional.of(notice);
        } catch (DuplicateKeyException exists) {
            Notice retried = mongo.findAndModify(
                    Query.query(Criteria.where("_id").is(id).and("status").is(Notice.Status.FAILED)),
                    new Update().set("status", Notice.Status.PENDING).inc("attempts", 1),
                    FindAndModifyOptions.options().returnNew(true), Notice.class);
            return Optional.ofNullable(retried);
        }
    }

    public void sent(Notice notice, Instant at) {
        mongo.updateFirst(Query.query(Criteria.where("_id").is(notice.id())),
                new Update().set("status", Notice.Status.SENT).set("sentAt", at).unset("lastError"), Notice.class);
    }

    public void failed(Notice notice, String error) {
        mongo.updateFirst(Query.query(Criteria.where("_id").is(notice.id())),
                new Update().set("status", Notice.Status.FAILED).set("lastError", error), Notice.class);
    }

    public List<Notice> ofDelegate(UUID delegateId) {
        return mongo.find(Query.query(Criteria.where("delegateId").is(delegateId)), Notice.class);
    }
}
