package org.convoy.registration.delegate.domain;

import java.util.UUID;

/** A change that the registration's current state does not allow, e.g. approving a withdrawn delegate. */
public class RegistrationRefusedException extends RuntimeException {

    private final UUID delegateId;

    public RegistrationRefusedException(UUID delegateId, String message) {
        super(message);
        this.delegateId = delegateId;
    }

    public UUID delegateId() {
        return delegateId;
    }
}
