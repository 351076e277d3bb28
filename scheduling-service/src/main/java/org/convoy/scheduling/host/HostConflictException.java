package org.convoy.scheduling.host;

import org.convoy.support.problem.ConflictException;

/** The host catalogue cannot take this change now (an id already taken, a host still expected at meetings). */
public class HostConflictException extends ConflictException {

    public HostConflictException(String message) {
        super("Host catalogue conflict", message);
    }
}
