package org.convoy.registration.delegate.domain;

import org.convoy.support.problem.ConflictException;

/** A registration with the same email address already exists for that convoy; the answer repeats no personal data. */
public class AlreadyRegisteredException extends ConflictException {

    public AlreadyRegisteredException() {
        super("Already registered", "This email address is already registered for this convoy. Use the link in your "
                + "registration email, or ask for a new one, to see or change your registration.");
    }
}
