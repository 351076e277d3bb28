package org.convoy.notification.meeting;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

import org.convoy.events.ConvoyEvent;
import org.convoy.support.instances.TimedJobs;
import org.slf4j.Logger;

/**
 * Why a time-driven notice is sent (the day-before agenda, a reminder, a survey): not published, it names the notice
 * in the ledger, its id derived from what it is about so every pass, on any instance, finds the same notice. And the
 * pass of such a job: on the one instance holding its lease, a failed pass logged and tried again at the next.
 */
interface TimedNotice extends ConvoyEvent {

    @Override
    default int schemaVersion() {
        return 1;
    }

    /** The same id for the same parts, every time. */
    static UUID idOf(Object... parts) {
        StringBuilder name = new StringBuilder();
        for (Object part : parts) {
            name.append(name.isEmpty() ? "" : ":").append(part);
        }
        return UUID.nameUUIDFromBytes(name.toString().getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Runs one pass of a job, if it is enabled and this instance holds its lease.
     *
     * @param failed what the log says when the pass fails
     */
    static void pass(boolean enabled, TimedJobs jobs, String job, Runnable pass, Logger log, String failed) {
        if (!enabled) {
            return;
        }
        try {
            jobs.runIfHeld(job, pass);
        } catch (RuntimeException e) {
            log.warn(failed, e);
        }
    }
}
