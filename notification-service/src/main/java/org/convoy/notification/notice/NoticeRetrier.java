package org.convoy.notification.notice;

import java.time.Clock;

import org.convoy.notification.notice.domain.NoticeLedger;
import org.convoy.support.instances.TimedJobs;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Every few seconds, sends again the notices that are due: retries, and claims a stopped sender left behind. Of
 * several instances, the one holding the retrier's lease does it. Each notice is claimed on its own before it is
 * sent, so two retriers would not send one twice; the lease spares the other instances the same scans of the ledger
 * every few seconds, and keeps retries paced as one instance paces them.
 */
@Component
class NoticeRetrier {

    static final String JOB = "notice-retrier";

    private static final Logger log = LoggerFactory.getLogger(NoticeRetrier.class);
    private static final int BATCH = 50;

    private final NoticeLedger ledger;
    private final NoticeDispatcher sender;
    private final RetryProperties retry;
    private final Clock clock;
    private final TimedJobs jobs;

    NoticeRetrier(NoticeLedger ledger, NoticeDispatcher sender, RetryProperties retry, Clock clock, TimedJobs jobs) {
        this.ledger = ledger;
        this.sender = sender;
        this.retry = retry;
        this.clock = clock;
        this.jobs = jobs;
    }

    @Scheduled(fixedDelayString = "${convoy.notification.retry.poll:5s}", initialDelayString = "5s")
    void retryDue() {
        try {
            jobs.runIfHeld(JOB, this::retryBatch);
        } catch (RuntimeException e) {
            log.warn("Retrying notices failed; will try again", e);
        }
    }

    private void retryBatch() {
        for (int i = 0; i < BATCH; i++) {
            var due = ledger.claimDue(clock.instant(), clock.instant().minus(retry.staleAfter()));
            if (due.isEmpty()) {
                return;
            }
            sender.attempt(due.get());
        }
    }
}
