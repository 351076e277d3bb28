package org.convoy.registration.delegate;

import org.convoy.support.instances.TimedJobs;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Every few seconds, finishes registration steps that a crash or a lost race left undone. Of several instances, the
 * one holding the settler's lease does it: settling the same group from two instances at once is safe (each step can
 * be repeated) but makes them race each other's places decisions.
 */
@Component
class RegistrationSettler {

    static final String JOB = "registration-settler";

    private static final Logger log = LoggerFactory.getLogger(RegistrationSettler.class);

    private final Registrations registrations;
    private final TimedJobs jobs;

    RegistrationSettler(Registrations registrations, TimedJobs jobs) {
        this.registrations = registrations;
        this.jobs = jobs;
    }

    @Scheduled(fixedDelayString = "${convoy.registration.settle-interval:5s}", initialDelayString = "5s")
    void settle() {
        try {
            jobs.runIfHeld(JOB, () -> {
                int settled = registrations.settle();
                if (settled > 0) {
                    log.atInfo().addKeyValue("count", settled).log("Settled unfinished registration steps");
                }
            });
        } catch (RuntimeException e) {
            log.warn("Settling registrations failed; will try again", e);
        }
    }
}
