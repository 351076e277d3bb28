package org.convoy.gateway.auth;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import com.mongodb.MongoSocketException;
import com.mongodb.MongoTimeoutException;
import org.convoy.gateway.store.StoreOutage;
import org.convoy.gateway.web.Problems;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.bind.support.WebExchangeBindException;
import org.springframework.web.server.ServerWebInputException;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;

/** The gateway's own refusals as problem+json, with the fields named; nothing of its internals. */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class AuthErrors {

    private static final Logger log = LoggerFactory.getLogger(AuthErrors.class);

    @ExceptionHandler(WebExchangeBindException.class)
    ResponseEntity<ProblemDetail> invalid(WebExchangeBindException e) {
        List<Map<String, String>> errors = new ArrayList<>();
        e.getFieldErrors().forEach(error -> errors.add(Map.of("field", error.getField(),
                "message", String.valueOf(error.getDefaultMessage()))));
        errors.sort(Comparator.comparing(error -> error.get("field")));
        return problem(HttpStatus.BAD_REQUEST, "Invalid request", "Some fields are missing or invalid.", errors);
    }

    @ExceptionHandler(ServerWebInputException.class)
    ResponseEntity<ProblemDetail> unreadable(ServerWebInputException e) {
        JacksonException json = cause(e, JacksonException.class);
        if (json instanceof UnrecognizedPropertyException unknown) {
            return problem(HttpStatus.BAD_REQUEST, "Unknown field", "The request has a field this endpoint does not accept.",
                    List.of(Map.of("field", unknown.getPropertyName(), "message", "unknown field")));
        }
        if (json instanceof MismatchedInputException mismatched && !mismatched.getPath().isEmpty()) {
            String field = String.valueOf(mismatched.getPath().get(mismatched.getPath().size() - 1).getPropertyName());
            return problem(HttpStatus.BAD_REQUEST, "Wrong type", "A field has a value of the wrong type.",
                    List.of(Map.of("field", field, "message", "wrong type or format")));
        }
        if (json != null) {
            return problem(HttpStatus.BAD_REQUEST, "Malformed JSON", "The request body is not valid JSON.", List.of());
        }
        return problem(HttpStatus.BAD_REQUEST, "Unreadable request body", "The request body is missing or cannot be read.",
                List.of());
    }

    @ExceptionHandler(FieldProblem.class)
    ResponseEntity<ProblemDetail> field(FieldProblem e) {
        return problem(HttpStatus.BAD_REQUEST, "Invalid request", "Some fields are missing or invalid.",
                List.of(Map.of("field", e.field, "message", e.getMessage())));
    }

    /**
     * The store that keeps accounts and logouts cannot be reached: 503 with {@code Retry-After}, saying so in plain
     * words, never a 500. Nothing needs restarting; the same call works once the store answers.
     */
    @ExceptionHandler({ DataAccessResourceFailureException.class, MongoTimeoutException.class,
            MongoSocketException.class })
    ResponseEntity<ProblemDetail> storeUnavailable(Exception e) {
        log.atWarn().addKeyValue("dependency", "store").log("Answered 503: the store cannot be reached ({})",
                e.getClass().getSimpleName());
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE, "The gateway cannot "
                + "reach its database, where organizer accounts and logouts are kept. Please try again in a few seconds.");
        problem.setTitle("Service unavailable");
        problem.setProperty("dependency", "store");
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                .header(HttpHeaders.RETRY_AFTER, String.valueOf(StoreOutage.RETRY_AFTER_SECONDS)).body(problem);
    }

    @ExceptionHandler(DuplicateKeyException.class)
    ResponseEntity<ProblemDetail> taken() {
        return problem(HttpStatus.CONFLICT, "User exists", "There is already a user with this name.", List.of());
    }

    @ExceptionHandler(UnknownUser.class)
    ResponseEntity<ProblemDetail> unknownUser() {
        return problem(HttpStatus.NOT_FOUND, "No such user", "There is no user with this name.", List.of());
    }

    @ExceptionHandler(AccountConflict.class)
    ResponseEntity<ProblemDetail> accountConflict(AccountConflict e) {
        return problem(HttpStatus.CONFLICT, e.title, e.getMessage(), List.of());
    }

    @ExceptionHandler(LoginRefused.class)
    ResponseEntity<ProblemDetail> refused() {
        return problem(HttpStatus.UNAUTHORIZED, "Login failed", "Wrong user name or password.", List.of());
    }

    @ExceptionHandler(TooManyLogins.class)
    ResponseEntity<ProblemDetail> tooMany(TooManyLogins e) {
        long seconds = Problems.retryAfterSeconds(e.waitMillis);
        ResponseEntity<ProblemDetail> answer = problem(HttpStatus.TOO_MANY_REQUESTS, "Too many failed logins",
                "Too many failed logins for this user or from this address. Try again in " + seconds + " seconds.",
                List.of());
        return ResponseEntity.status(answer.getStatusCode())
                .header(HttpHeaders.RETRY_AFTER, String.valueOf(seconds)).body(answer.getBody());
    }

    private static ResponseEntity<ProblemDetail> problem(HttpStatus status, String title, String detail,
            List<Map<String, String>> errors) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setTitle(title);
        if (!errors.isEmpty()) {
            problem.setProperty("errors", errors);
        }
        return ResponseEntity.status(status).body(problem);
    }

    private static <T extends Throwable> T cause(Throwable e, Class<T> type) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (type.isInstance(cause)) {
                return type.cast(cause);
            }
        }
        return null;
    }

    static final class LoginRefused extends RuntimeException {

        private static final long serialVersionUID = 1L;

        LoginRefused() {
            super("Login refused", null, false, false);
        }
    }

    static final class TooManyLogins extends RuntimeException {

        private static final long serialVersionUID = 1L;
        private final long waitMillis;

        TooManyLogins(long waitMillis) {
            super("Too many failed logins", null, false, false);
            this.waitMillis = waitMillis;
        }
    }

    /** The account named in the path does not exist (404). */
    static final class UnknownUser extends RuntimeException {

        private static final long serialVersionUID = 1L;

        UnknownUser() {
            super("No such user", null, false, false);
        }
    }

    /** A change the accounts as they are do not allow (409): disabling oneself, or the last administrator. */
    static final class AccountConflict extends RuntimeException {

        private static final long serialVersionUID = 1L;
        private final String title;

        AccountConflict(String title, String detail) {
            super(detail, null, false, false);
            this.title = title;
        }
    }

    static final class FieldProblem extends RuntimeException {

        private static final long serialVersionUID = 1L;
        private final String field;

        FieldProblem(String field, String message) {
            super(message, null, false, false);
            this.field = field;
        }
    }
}
