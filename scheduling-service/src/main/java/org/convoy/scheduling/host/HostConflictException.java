package org.convoy.scheduling.host;

/** The host catalogue cannot take this change now (an id already taken, a host still expected at meetings). */
public class HostConflictException extends RuntimeException {

    public HostConflictException(String message) {
        super(message);
    }
}
