package org.convoy.registration.edition;

/** No convoy edition with that id. */
public class UnknownEditionException extends RuntimeException {

    public UnknownEditionException(String convoyId) {
        super("No convoy edition " + convoyId);
    }
}
