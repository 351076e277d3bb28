package org.convoy.notification.notice;

import java.time.Clock;

import org.convoy.notification.notice.domain.NoticeLedger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Every few seconds, sends again the notices that are due: retries, and claims a stopped sender left behind. */
@Component
class NoticeRetrier {

    private static final Logger log = LoggerFactory.getLogger(NoticeRetrier.class);
    private static final int BATCH = 50;

    private final NoticeLedger ledger;
    private final NoticeSender sender;
    private final RetryProperties retry;
    private final Clock clock;

    NoticeRetrier(NoticeLedger ledger, NoticeSender sender, RetryProperties retry, Clock clock) {
        this.ledger = ledger;
        this.sender = sender;
        this.retry = retry;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${convoy.notification.retry.poll:5s}", initialDelayString = "5s")
    void retryDue() {
        try {
            for (int i = 0; i < BATCH; i++) {
                var due = ledger.claimDue(clock.instant(), clock.instant().minus(retry.staleAfter()));
                if (due.isEmpty()) {
                    return;
                }
                sender.attempt(due.get());
            }
        } catch (RuntimeException e) {
            log.warn("Retrying notices failed; will try again", e);
        }
    }
}
