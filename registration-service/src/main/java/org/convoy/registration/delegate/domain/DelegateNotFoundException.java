package org.convoy.registration.delegate.domain;

import java.util.UUID;

import org.convoy.support.problem.NotFoundException;

/** No registration holds that delegate (or it was erased). */
public class DelegateNotFoundException extends NotFoundException {

    public DelegateNotFoundException(UUID delegateId) {
        super("No such delegate", "No registration holds delegate " + delegateId + ".");
    }
}
