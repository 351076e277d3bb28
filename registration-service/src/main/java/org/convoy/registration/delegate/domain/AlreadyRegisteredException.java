package org.convoy.registration.delegate.domain;

/** A registration with the same email address already exists for that convoy. */
public class AlreadyRegisteredException extends RuntimeException {

    public AlreadyRegisteredException() {
        super("A registration with this email address already exists for this convoy");
    }
}
