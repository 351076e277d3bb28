package org.convoy.registration.delegate;

/** The same Idempotency-Key came with a different request body. */
public class IdempotencyKeyReusedException extends RuntimeException {

    public IdempotencyKeyReusedException() {
        super("This Idempotency-Key was already used for a different request");
    }
}
