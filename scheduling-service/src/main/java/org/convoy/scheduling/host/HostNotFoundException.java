package org.convoy.scheduling.host;

import org.convoy.support.problem.NotFoundException;

public class HostNotFoundException extends NotFoundException {

    public HostNotFoundException(String hostId) {
        super("No such host", "There is no host " + hostId + " in this convoy.");
    }
}
