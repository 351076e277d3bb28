package org.convoy.registration.convoy;

import org.convoy.support.problem.FieldProblemException;

/** No convoy with that id: the request's {@code convoyId} is at fault (400). */
public class UnknownConvoyException extends FieldProblemException {

    public UnknownConvoyException(String convoyId) {
        super("convoyId", "unknown convoy", "Unknown convoy", "There is no convoy with this id.");
    }
}
