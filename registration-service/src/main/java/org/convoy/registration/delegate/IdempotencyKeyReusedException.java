package org.convoy.registration.delegate;

import org.convoy.support.problem.Refusal;

/** The same Idempotency-Key came with a different request body. */
public class IdempotencyKeyReusedException extends Refusal {

    public IdempotencyKeyReusedException() {
        super(Kind.UNPROCESSABLE, "Idempotency-Key reused",
                "This Idempotency-Key was already used for a different request");
    }
}
