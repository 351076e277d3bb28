package org.convoy.scheduling.host;

public class HostNotFoundException extends RuntimeException {

    public HostNotFoundException(String hostId) {
        super("There is no host " + hostId + " in this convoy.");
    }
}
