package org.convoy.notification.notice.domain;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * Records the intent to send before sending, so each (event, recipient, channel) is sent at most once by the
 * consumer; retries belong to the ledger alone, which hands each due notice to one sender at a time.
 */
@Component
public class NoticeLedger {

    private final MongoOperations mongo;

    NoticeLedger(MongoOperations mongo) {
        this.mongo = mongo;
    }

    /** @return the new notice, claimed for sending; empty when this notice already exists in any state */
    public Optional<Notice> claim(UUID eventId, String eventType, UUID delegateId, Notice.Channel channel, String kind,
            Notice.Message message, Instant now) {
        Notice notice = new Notice(Notice.idOf(eventId, delegateId, channel), eventId, eventType, delegateId, channel,
                kind, message, Notice.Status.PENDING, 1, null, now, null, null);
        try {
            mongo.insert(notice);
            return Optional.of(notice);
        } catch (DuplicateKeyException exists) {
            return Optional.empty();
        }
    }

    /**
     * Claims the next notice that is due again: a retry whose time has come, or a claim left PENDING by a sender
     * that stopped before finishing (older than {@code staleBefore}).
     */
    public Optional<Notice> claimDue(Instant now, Instant staleBefore) {
        Update claim = new Update().set("status", Notice.Status.PENDING).inc("attempts", 1).set("claimedAt", now);
        FindAndModifyOptions returnNew = FindAndModifyOptions.options().returnNew(true);
        Notice retry = mongo.findAndModify(Query.query(Criteria.where("status").is(Notice.Status.RETRYING)
                .and("nextAttemptAt").lte(now)).with(Sort.by("nextAttemptAt")), claim, returnNew, Notice.class);
        if (retry != null) {
            return Optional.of(retry);
        }
        return Optional.ofNullable(mongo.findAndModify(Query.query(Criteria.where("status").is(Notice.Status.PENDING)
                .and("createdAt").lt(staleBefore).and("claimedAt").lt(staleBefore)), claim, returnNew, Notice.class))
                .or(() -> Optional.ofNullable(mongo.findAndModify(Query.query(Criteria.where("status")
                        .is(Notice.Status.PENDING).and("createdAt").lt(staleBefore).and("claimedAt").exists(false)),
                        claim, returnNew, Notice.class)));
    }

    public void sent(Notice notice, Instant at) {
        set(notice, new Update().set("status", Notice.Status.SENT).set("sentAt", at).unset("nextAttemptAt"));
    }

    public void retryLater(Notice notice, String error, Instant at) {
        set(notice, new Update().set("status", Notice.Status.RETRYING).set("lastError", error).set("nextAttemptAt", at));
    }

    public void failed(Notice notice, String error) {
        set(notice, new Update().set("status", Notice.Status.FAILED).set("lastError", error).unset("nextAttemptAt"));
    }

    public void dead(Notice notice, String error) {
        set(notice, new Update().set("status", Notice.Status.DEAD).set("lastError", error).unset("nextAttemptAt"));
    }

    public List<Notice> ofDelegate(UUID delegateId) {
        return mongo.find(Query.query(Criteria.where("delegateId").is(delegateId)).with(Sort.by("createdAt")),
                Notice.class);
    }

    private void set(Notice notice, Update update) {
        mongo.updateFirst(Query.query(Criteria.where("_id").is(notice.id())), update, Notice.class);
    }
}
