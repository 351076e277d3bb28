package org.convoy.support.problem;

/**
 * The service could not complete the request now, though nothing is wrong with it: too many writers wanted the same
 * record at once. Answered 503 with {@code Retry-After}, so a client repeats it a moment later.
 */
public class BusyException extends Refusal {

    public BusyException(String detail) {
        super(Kind.BUSY, "Busy", detail);
    }
}
