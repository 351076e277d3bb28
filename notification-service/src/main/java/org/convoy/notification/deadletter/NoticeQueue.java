package org.convoy.notification.deadletter;

import java.time.Instant;

/** Where a replayed notice goes back in line; the notice feature provides it. */
public interface NoticeQueue {

    /** @return whether the notice was FAILED or DEAD and is now queued again */
    boolean requeue(String noticeId, Instant at);
}
