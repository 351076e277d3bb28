package org.convoy.registration.delegate;

import java.time.Clock;

import org.convoy.events.DelegateProfile;
import org.convoy.registration.delegate.domain.AlreadyRegisteredException;
import org.convoy.registration.delegate.domain.Delegate;
import org.convoy.registration.delegate.domain.DelegateRepository;
import org.convoy.registration.delegate.domain.PrivacyConsent;
import org.convoy.support.outbox.OutboxRelay;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;

/** Registers delegates: one document write stores the delegate and its {@code DelegateRegistered} event. */
@Service
public class Registrations {

    private static final Logger log = LoggerFactory.getLogger(Registrations.class);

    private final DelegateRepository delegates;
    private final OutboxRelay relay;
    private final RegistrationProperties properties;
    private final Clock clock;

    Registrations(DelegateRepository delegates, OutboxRelay relay, RegistrationProperties properties, Clock clock) {
        this.delegates = delegates;
        this.relay = relay;
        this.properties = properties;
        this.clock = clock;
    }

    public Delegate register(String convoyId, DelegateProfile profile) {
        var now = clock.instant();
        Delegate delegate = Delegate.register(convoyId, profile,
                new PrivacyConsent(properties.privacyPolicyVersion(), now), now);
        try {
            delegates.insert(delegate);
        } catch (DuplicateKeyException e) {
            throw new AlreadyRegisteredException();
        }
        log.atInfo().addKeyValue("delegateId", delegate.id()).addKeyValue("convoyId", convoyId)
                .log("Delegate registered");
        relay.nudge();
        return delegate;
    }
}
