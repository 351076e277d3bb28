package org.convoy.notification.notice;

import java.time.Instant;

import org.convoy.notification.deadletter.NoticeQueue;
import org.convoy.notification.notice.domain.NoticeLedger;
import org.springframework.stereotype.Component;

/** Replaying a dead notice puts it back in the ledger's queue, as a fresh series of attempts. */
@Component
class FailedNoticeQueue implements NoticeQueue {

    private final NoticeLedger ledger;

    FailedNoticeQueue(NoticeLedger ledger) {
        this.ledger = ledger;
    }

    @Override
    public boolean requeue(String noticeId, Instant at) {
        return ledger.replay(noticeId, at);
    }
}
