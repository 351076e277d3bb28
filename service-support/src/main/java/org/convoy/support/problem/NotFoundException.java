package org.convoy.support.problem;

/** The request names something that does not exist, or that the caller may not know exists (404). */
public class NotFoundException extends Refusal {

    public NotFoundException(String title, String detail) {
        super(Kind.NOT_FOUND, title, detail);
    }
}
