package org.convoy.registration.delegate;

import java.time.LocalDate;

/** A convoy's delegates may be erased in bulk only after its retention date. */
public class RetentionNotOverException extends RuntimeException {

    public RetentionNotOverException(String convoyId, LocalDate retainUntil) {
        super("Delegates of " + convoyId + " are kept until " + retainUntil + "; they can be erased after that date");
    }
}
