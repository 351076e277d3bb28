package org.convoy.registration.delegate.domain;

import java.util.UUID;

import org.convoy.support.problem.ConflictException;

/** A change that the registration's current state does not allow, e.g. approving a withdrawn delegate. */
public class RegistrationRefusedException extends ConflictException {

    private final UUID delegateId;

    public RegistrationRefusedException(UUID delegateId, String message) {
        super("Not allowed now", message);
        this.delegateId = delegateId;
    }

    public UUID delegateId() {
        return delegateId;
    }
}
