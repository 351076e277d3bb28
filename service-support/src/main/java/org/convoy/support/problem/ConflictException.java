package org.convoy.support.problem;

/** What the request asks contradicts what exists now (409). */
public class ConflictException extends Refusal {

    public ConflictException(String title, String detail) {
        super(Kind.CONFLICT, title, detail);
    }
}
