package org.convoy.scheduling;

/** A request names something that does not fit: a field and what is wrong with it (400). */
public class PlanProblemException extends RuntimeException {

    private final String field;

    public PlanProblemException(String field, String message) {
        super(message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
