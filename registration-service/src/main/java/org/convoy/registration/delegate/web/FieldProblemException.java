package org.convoy.registration.delegate.web;

/** One field of a request is wrong in a way only the whole request shows. */
class FieldProblemException extends RuntimeException {

    private final String field;

    FieldProblemException(String field, String message) {
        super(message);
        this.field = field;
    }

    String field() {
        return field;
    }
}
