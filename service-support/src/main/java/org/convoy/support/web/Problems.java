package org.convoy.support.web;

import java.util.List;
import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

/** Problem details as every service writes them: a status, a short title, a detail, and field errors if any. */
public final class Problems {

    private Problems() {
    }

    public static ProblemDetail of(HttpStatus status, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setTitle(title);
        return problem;
    }

    /** A 400 naming the one field that is wrong, in the same {@code errors: [{field, message}]} shape as validation. */
    public static ProblemDetail invalidField(String field, String message) {
        ProblemDetail problem = of(HttpStatus.BAD_REQUEST, "Invalid request", "Some fields are missing or invalid.");
        problem.setProperty("errors", List.of(Map.of("field", field, "message", message)));
        return problem;
    }
}
