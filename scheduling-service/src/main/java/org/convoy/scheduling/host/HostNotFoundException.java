package org.convoy.scheduling.host;

import org.convoy.support.problem.NotFoundException;

public class HostNotFoundException extends NotFoundException {

    public HostNotFoundException(String hostId) {
        super("No such host", "There is no host " + hostId + " in this convoy.");
    }

    private HostNotFoundException(String title, String detail) {
        super(title, detail);
    }

    /** The host directory lists no organization with this id. */
    public static HostNotFoundException inDirectory(String hostId) {
        return new HostNotFoundException("No such host", "There is no host " + hostId + " in the host directory.");
    }
}
