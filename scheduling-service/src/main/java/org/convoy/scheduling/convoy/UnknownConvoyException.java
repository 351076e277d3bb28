package org.convoy.scheduling.convoy;

import org.convoy.support.problem.NotFoundException;

/** The convoy named in the path does not exist. */
public class UnknownConvoyException extends NotFoundException {

    public UnknownConvoyException(String convoyId) {
        super("No such convoy", "There is no convoy " + convoyId + ".");
    }
}
