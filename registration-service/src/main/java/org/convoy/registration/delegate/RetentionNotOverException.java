package org.convoy.registration.delegate;

import java.time.LocalDate;

import org.convoy.support.problem.ConflictException;

/** A convoy's delegates may be erased in bulk only after its retention date. */
public class RetentionNotOverException extends ConflictException {

    public RetentionNotOverException(String convoyId, LocalDate retainUntil) {
        super("Retention period not over", "Delegates of " + convoyId + " are kept until " + retainUntil
                + "; they can be erased after that date");
    }
}
