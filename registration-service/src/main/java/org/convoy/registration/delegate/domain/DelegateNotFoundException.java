package org.convoy.registration.delegate.domain;

import java.util.UUID;

/** No registration holds that delegate (or it was erased). */
public class DelegateNotFoundException extends RuntimeException {

    public DelegateNotFoundException(UUID delegateId) {
        super("No delegate " + delegateId);
    }
}
