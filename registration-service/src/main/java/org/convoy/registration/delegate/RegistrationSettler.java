package org.convoy.registration.delegate;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Every few seconds, finishes registration steps that a crash or a lost race left undone. */
@Component
class RegistrationSettler {

    private static final Logger log = LoggerFactory.getLogger(RegistrationSettler.class);

    private final Registrations registrations;

    RegistrationSettler(Registrations registrations) {
        this.registrations = registrations;
    }

    @Scheduled(fixedDelayString = "${convoy.registration.settle-interval:5s}", initialDelayString = "5s")
    void settle() {
        try {
            int settled = registrations.settle();
            if (settled > 0) {
                log.atInfo().addKeyValue("count", settled).log("Settled unfinished registration steps");
            }
        } catch (RuntimeException e) {
            log.warn("Settling registrations failed; will try again", e);
        }
    }
}
