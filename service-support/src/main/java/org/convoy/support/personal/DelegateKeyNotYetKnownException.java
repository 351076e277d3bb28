package org.convoy.support.personal;

import java.util.UUID;

/**
 * A sealed profile arrived and its delegate's key did not follow within the wait: the key is published first, but on
 * another topic. The event is tried again, then dead-lettered for replay, rather than dropped.
 */
public class DelegateKeyNotYetKnownException extends RuntimeException {

    public DelegateKeyNotYetKnownException(UUID delegateId) {
        super("The key of delegate " + delegateId + " has not arrived");
    }
}
