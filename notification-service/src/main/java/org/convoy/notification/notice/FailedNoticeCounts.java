package org.convoy.notification.notice;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.convoy.notification.notice.domain.Notice;
import org.convoy.notification.notice.domain.NoticeLedger;
import org.convoy.support.system.SystemCounts;
import org.springframework.stereotype.Component;

/**
 * The notices that failed for good, by status, in notification's system status: FAILED (refused by the channel) and
 * DEAD (still failing after the last retry), each waiting for an organizer to replay it from the delivery log.
 */
@Component
class FailedNoticeCounts implements SystemCounts {

    private static final List<Notice.Status> FAILED_FOR_GOOD = List.of(Notice.Status.FAILED, Notice.Status.DEAD);

    private final NoticeLedger ledger;

    FailedNoticeCounts(NoticeLedger ledger) {
        this.ledger = ledger;
    }

    @Override
    public String name() {
        return "notices";
    }

    @Override
    public Map<String, Long> counts() {
        Map<String, Long> counts = new LinkedHashMap<>();
        FAILED_FOR_GOOD.forEach(status -> counts.put(status.name(), ledger.count(status)));
        return counts;
    }
}
