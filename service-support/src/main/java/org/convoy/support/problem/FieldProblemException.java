package org.convoy.support.problem;

/** A request names something that does not fit: the field and what is wrong with it (400). */
public class FieldProblemException extends Refusal {

    public FieldProblemException(String field, String message) {
        this(field, message, "Invalid request", "Some fields are missing or invalid.");
    }

    protected FieldProblemException(String field, String message, String title, String detail) {
        super(Kind.INVALID, title, detail, field, message);
    }
}
