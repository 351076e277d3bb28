package org.convoy.notification.notice.domain;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.bson.Document;
import org.convoy.support.tracing.TraceContexts;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.aggregation.Aggregation;
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
    private final TraceContexts contexts;

    NoticeLedger(MongoOperations mongo, TraceContexts contexts) {
        this.mongo = mongo;
        this.contexts = contexts;
    }

    /**
     * A notice as the dispatcher drafts it, before it is recorded.
     *
     * @param fallback the message on another channel to send if this one fails for good, or {@code null}
     * @param fallbackOf the notice this one replaces on another channel, or {@code null}
     */
    public record Draft(UUID eventId, String eventType, UUID delegateId, UUID meetingId, String channel, String kind,
            Notice.Message message, Notice.Fallback fallback, String fallbackOf) {

        String id() {
            return Notice.idOf(eventId, delegateId, channel);
        }
    }

    /** @return the new notice, claimed for sending; empty when this notice already exists in any state */
    public Optional<Notice> claim(Draft draft, Instant now) {
        return record(notice(draft, Notice.Status.PENDING, 1, null, now, null));
    }

    /**
     * Records a notice to be sent later (quiet hours: at {@code until}; an unconfirmed number: when it is confirmed,
     * {@code until} null), or not at all (the delegate opted out), in place of sending it now; a repeat of the event
     * finds it and does nothing.
     *
     * @return whether it was recorded now (false: it existed already)
     */
    public boolean hold(Draft draft, Instant now, Notice.Status status, Instant until, String why) {
        return record(notice(draft, status, 0, why, now, until)).isPresent();
    }

    private Notice notice(Draft draft, Notice.Status status, int attempts, String why, Instant now, Instant until) {
        return new Notice(draft.id(), draft.eventId(), draft.eventType(), draft.delegateId(), draft.meetingId(),
                draft.channel(), draft.kind(), draft.message(), status, attempts, why, now, until, null,
                contexts.currentTraceparent(), TraceContexts.currentCorrelationId(), draft.fallback(),
                draft.fallbackOf(), null);
    }

    /**
     * The notice that replaces one its channel failed for good, on the fallback channel it carries, claimed for
     * sending in the same trace.
     *
     * @return empty when there is none, or it was recorded before
     */
    public Optional<Notice> claimFallback(Notice failed, Instant now) {
        if (failed.fallback() == null) {
            return Optional.empty();
        }
        return record(new Notice(Notice.idOf(failed.eventId(), failed.delegateId(), failed.fallback().channel()),
                failed.eventId(), failed.eventType(), failed.delegateId(), failed.meetingId(),
                failed.fallback().channel(), failed.kind(), failed.fallback().message(), Notice.Status.PENDING, 1, null,
                now, null, null, failed.traceparent(), failed.correlationId(), null, failed.id(), null));
    }

    /**
     * Puts the notices held until this person confirmed her number in line, due now, those recorded since
     * {@code recordedSince}; older ones are skipped, too late to matter.
     *
     * @return how many are due now
     */
    public long confirmed(UUID delegateId, Collection<String> channels, Instant now, Instant recordedSince) {
        Criteria waiting = Criteria.where("delegateId").is(delegateId).and("channel").in(channels)
                .and("status").is(Notice.Status.DEFERRED).and("nextAttemptAt").exists(false);
        mongo.updateMulti(Query.query(Criteria.where("delegateId").is(delegateId).and("channel").in(channels)
                        .and("status").is(Notice.Status.DEFERRED).and("nextAttemptAt").exists(false)
                        .and("createdAt").lt(recordedSince)),
                new Update().set("status", Notice.Status.SKIPPED).set("lastError",
                        "The number was confirmed too late for this notice"), Notice.class);
        return mongo.updateMulti(Query.query(waiting), new Update().set("nextAttemptAt", now), Notice.class)
                .getModifiedCount();
    }

    private Optional<Notice> record(Notice notice) {
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
        Notice retry = mongo.findAndModify(Query.query(Criteria.where("status")
                .in(Notice.Status.RETRYING, Notice.Status.DEFERRED).and("nextAttemptAt").lte(now))
                .with(Sort.by("nextAttemptAt")), claim, returnNew, Notice.class);
        if (retry != null) {
            return Optional.of(retry);
        }
        return Optional.ofNullable(mongo.findAndModify(Query.query(Criteria.where("status").is(Notice.Status.PENDING)
                .and("createdAt").lt(staleBefore).and("claimedAt").lt(staleBefore)), claim, returnNew, Notice.class))
                .or(() -> Optional.ofNullable(mongo.findAndModify(Query.query(Criteria.where("status")
                        .is(Notice.Status.PENDING).and("createdAt").lt(staleBefore).and("claimedAt").exists(false)),
                        claim, returnNew, Notice.class)));
    }

    /** @param providerId the provider's id for the message */
    public void sent(Notice notice, Instant at, String providerId) {
        set(notice, new Update().set("status", Notice.Status.SENT).set("sentAt", at).set("providerId", providerId)
                .unset("nextAttemptAt"));
    }

    /**
     * A sent message its provider later reports it could not deliver: FAILED, once.
     *
     * @return the notice as it was when sent; empty when there is no such sent notice (or it is failed already)
     */
    public Optional<Notice> undelivered(String channel, String providerId, String error, Instant at) {
        return Optional.ofNullable(mongo.findAndModify(Query.query(Criteria.where("providerId").is(providerId)
                        .and("channel").is(channel).and("status").is(Notice.Status.SENT)),
                new Update().set("status", Notice.Status.FAILED).set("lastError", error).set("undeliveredAt", at),
                Notice.class));
    }

    public void retryLater(Notice notice, String error, Instant at) {
        set(notice, new Update().set("status", Notice.Status.RETRYING).set("lastError", error).set("nextAttemptAt", at));
    }

    /** Not sent now, for a reason that passes (a spent budget): tried again at {@code until}, the attempt not counted. */
    public void deferred(Notice notice, Instant until, String why) {
        set(notice, new Update().set("status", Notice.Status.DEFERRED).set("lastError", why).set("nextAttemptAt", until)
                .inc("attempts", -1));
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

    /**
     * The delivery log for organizers, newest first.
     *
     * @param delegateId, meetingId, status each narrows the list when given
     */
    /** @param within only the notices to these delegates; {@code null} for every delegate */
    public List<Notice> search(UUID delegateId, UUID meetingId, Notice.Status status, int limit,
            Collection<UUID> within) {
        if (delegateId != null && within != null && !within.contains(delegateId)) {
            return List.of();
        }
        Criteria criteria = new Criteria();
        if (delegateId != null) {
            criteria = criteria.and("delegateId").is(delegateId);
        } else if (within != null) {
            criteria = criteria.and("delegateId").in(within);
        }
        if (meetingId != null) {
            criteria = criteria.and("meetingId").is(meetingId);
        }
        if (status != null) {
            criteria = criteria.and("status").is(status);
        }
        return mongo.find(Query.query(criteria).with(Sort.by(Sort.Direction.DESC, "createdAt")).limit(limit),
                Notice.class);
    }

    /** How many notices there are of each channel, status and kind, to these delegates. */
    public List<NoticeCount> count(Collection<UUID> delegateIds) {
        Aggregation counting = Aggregation.newAggregation(
                Aggregation.match(Criteria.where("delegateId").in(delegateIds)),
                Aggregation.group("channel", "status", "kind").count().as("count"));
        return mongo.aggregate(counting, Notice.class, Document.class).getMappedResults().stream().map(result -> {
            Document key = result.get("_id", Document.class);
            return new NoticeCount(key.getString("channel"),
                    Notice.Status.valueOf(key.getString("status")), key.getString("kind"),
                    ((Number) result.get("count")).longValue());
        }).toList();
    }

    /** A number of notices of one channel, status and kind. */
    public record NoticeCount(String channel, Notice.Status status, String kind, long count) {
    }

    /**
     * Removes the personal data of an erased delegate from their notices (address and rendered texts); what was sent
     * when, and how it went, stays for the record. Notices not yet sent are given up.
     */
    public void forget(UUID delegateId, Instant now) {
        mongo.updateMulti(Query.query(Criteria.where("delegateId").is(delegateId)
                        .and("status").in(Notice.Status.PENDING, Notice.Status.DEFERRED, Notice.Status.RETRYING)),
                new Update().set("status", Notice.Status.SKIPPED).set("lastError", "The delegate was erased")
                        .unset("nextAttemptAt"), Notice.class);
        mongo.updateMulti(Query.query(Criteria.where("delegateId").is(delegateId)),
                new Update().set("message", new Notice.Message("erased", "", "")).set("lastError", "(erased)")
                        .set("erasedAt", now), Notice.class);
    }

    /** How many notices are in this state now. */
    public long count(Notice.Status status) {
        return mongo.count(Query.query(Criteria.where("status").is(status)), Notice.class);
    }

    /** Which of these notices are recorded already, in any state: one query, reading their ids only. */
    public Set<String> recorded(Collection<String> noticeIds) {
        Query query = Query.query(Criteria.where("_id").in(noticeIds));
        query.fields().include("_id");
        return mongo.find(query, Document.class, mongo.getCollectionName(Notice.class)).stream()
                .map(found -> found.getString("_id")).collect(Collectors.toSet());
    }

    public Optional<Notice> find(String noticeId) {
        return Optional.ofNullable(mongo.findById(noticeId, Notice.class));
    }

    /**
     * Puts a notice that failed for good (FAILED or DEAD) back in line, due now, with a fresh count of attempts.
     *
     * @return whether it was one to replay
     */
    public boolean replay(String noticeId, Instant now) {
        return mongo.updateFirst(Query.query(Criteria.where("_id").is(noticeId)
                        .and("status").in(Notice.Status.FAILED, Notice.Status.DEAD)),
                new Update().set("status", Notice.Status.RETRYING).set("attempts", 0).set("nextAttemptAt", now)
                        .set("replayedAt", now),
                Notice.class).getModifiedCount() == 1;
    }

    private void set(Notice notice, Update update) {
        mongo.updateFirst(Query.query(Criteria.where("_id").is(notice.id())), update, Notice.class);
    }
}
