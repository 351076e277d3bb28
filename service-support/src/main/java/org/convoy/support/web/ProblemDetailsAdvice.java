package org.convoy.support.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import jakarta.validation.ConstraintViolationException;

import org.apache.kafka.common.errors.RetriableException;
import org.convoy.support.problem.Refusal;
import org.convoy.support.store.StoreOutage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.MethodParameter;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.validation.method.ParameterErrors;
import org.springframework.validation.method.ParameterValidationResult;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

import tools.jackson.core.JacksonException;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;

/**
 * Turns every client error into {@code application/problem+json}. Field problems are listed under
 * {@code errors} as {@code {field, message}}; nothing of the server's internals (class names, stack traces)
 * reaches the client.
 */
@RestControllerAdvice
public class ProblemDetailsAdvice extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemDetailsAdvice.class);
    /** When to call again after a store or broker was away: a few of their timeouts later. */
    static final int RETRY_AFTER_UNAVAILABLE_SECONDS = 5;

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex, HttpHeaders headers,
            HttpStatusCode status, WebRequest request) {
        List<FieldProblem> errors = new ArrayList<>();
        ex.getBindingResult().getFieldErrors()
                .forEach(error -> errors.add(new FieldProblem(error.getField(), error.getDefaultMessage())));
        ex.getBindingResult().getGlobalErrors()
                .forEach(error -> errors.add(new FieldProblem(error.getObjectName(), error.getDefaultMessage())));
        errors.sort(java.util.Comparator.comparing(FieldProblem::field));
        ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, "Invalid request",
                "Some fields are missing or invalid.", errors);
        return handleExceptionInternal(ex, problem, headers, HttpStatus.BAD_REQUEST, request);
    }

    /** Validation of a request body together with constrained headers or parameters of the same handler. */
    @Override
    protected ResponseEntity<Object> handleHandlerMethodValidationException(HandlerMethodValidationException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<FieldProblem> errors = new ArrayList<>();
        for (ParameterValidationResult result : ex.getParameterValidationResults()) {
            if (result instanceof ParameterErrors parameterErrors) {
                parameterErrors.getFieldErrors()
                        .forEach(error -> errors.add(new FieldProblem(error.getField(), error.getDefaultMessage())));
                parameterErrors.getGlobalErrors()
                        .forEach(error -> errors.add(new FieldProblem(error.getObjectName(), error.getDefaultMessage())));
            } else {
                String name = parameterName(result.getMethodParameter());
                result.getResolvableErrors().forEach(error -> errors.add(new FieldProblem(name, error.getDefaultMessage())));
            }
        }
        errors.sort(java.util.Comparator.comparing(FieldProblem::field));
        ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, "Invalid request",
                "Some fields are missing or invalid.", errors);
        return handleExceptionInternal(ex, problem, headers, HttpStatus.BAD_REQUEST, request);
    }

    private static String parameterName(MethodParameter parameter) {
        RequestHeader header = parameter.getParameterAnnotation(RequestHeader.class);
        if (header != null && !header.name().isEmpty()) {
            return header.name();
        }
        RequestParam param = parameter.getParameterAnnotation(RequestParam.class);
        if (param != null && !param.name().isEmpty()) {
            return param.name();
        }
        return String.valueOf(parameter.getParameterName());
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex, HttpHeaders headers,
            HttpStatusCode status, WebRequest request) {
        PayloadTooLargeException tooLarge = findCause(ex, PayloadTooLargeException.class);
        if (tooLarge != null) {
            return handlePayloadTooLarge(tooLarge);
        }
        ProblemDetail problem = unreadable(ex);
        return handleExceptionInternal(ex, problem, headers, HttpStatus.BAD_REQUEST, request);
    }

    @ExceptionHandler(PayloadTooLargeException.class)
    ResponseEntity<Object> handlePayloadTooLarge(PayloadTooLargeException ex) {
        ProblemDetail problem = problem(HttpStatus.CONTENT_TOO_LARGE, "Request body too large",
                "The request body may not exceed " + ex.limitBytes() + " bytes.", List.of());
        return ResponseEntity.status(HttpStatus.CONTENT_TOO_LARGE).body(problem);
    }

    /** A refusal of the product's own: its kind gives the status, its field (if any) is listed like a validation error. */
    @ExceptionHandler(Refusal.class)
    ResponseEntity<Object> handleRefusal(Refusal refusal) {
        HttpStatus status = HttpStatus.valueOf(refusal.kind().status());
        List<FieldProblem> errors = refusal.field().map(field -> List.of(new FieldProblem(field, refusal.fieldMessage())))
                .orElse(List.of());
        ProblemDetail problem = problem(status, refusal.title(), refusal.detail(), errors);
        refusal.properties().forEach(problem::setProperty);
        ResponseEntity.BodyBuilder answer = ResponseEntity.status(status);
        if (refusal.kind() == Refusal.Kind.BUSY) {
            answer.header(HttpHeaders.RETRY_AFTER, "1");
        }
        return answer.contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }

    /**
     * A constraint on a parameter checked outside the web layer's own method validation (a bean validated by a
     * proxy, say): still the caller's error, named by the parameter.
     */
    @ExceptionHandler(ConstraintViolationException.class)
    ResponseEntity<Object> handleConstraintViolation(ConstraintViolationException ex) {
        List<FieldProblem> errors = ex.getConstraintViolations().stream()
                .map(violation -> new FieldProblem(leaf(violation.getPropertyPath()), violation.getMessage()))
                .sorted(java.util.Comparator.comparing(FieldProblem::field)).toList();
        return ResponseEntity.badRequest().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(problem(HttpStatus.BAD_REQUEST, "Invalid request", "Some fields are missing or invalid.", errors));
    }

    private static String leaf(jakarta.validation.Path path) {
        String name = null;
        for (jakarta.validation.Path.Node node : path) {
            name = node.getName();
        }
        return String.valueOf(name);
    }

    /** A method-level rule refused the caller's role (an organizer asking for an administrator's call). */
    @ExceptionHandler(AccessDeniedException.class)
    ResponseEntity<Object> handleAccessDenied(AccessDeniedException ex) {
        return ResponseEntity.status(HttpStatus.FORBIDDEN).body(problem(HttpStatus.FORBIDDEN, "Forbidden",
                "Your role does not allow this call.", List.of()));
    }

    @ExceptionHandler(AuthenticationException.class)
    ResponseEntity<Object> handleAuthentication(AuthenticationException ex) {
        return ResponseEntity.status(HttpStatus.UNAUTHORIZED).header(HttpHeaders.WWW_AUTHENTICATE, "Bearer")
                .body(problem(HttpStatus.UNAUTHORIZED, "Unauthorized", "This call needs a valid token.", List.of()));
    }

    /**
     * A fault of the service, not of the request: logged with an id the client can quote, no internals shown. A store or
     * broker that cannot be reached is no fault of the service either: see {@link #unavailable}.
     */
    @ExceptionHandler(Exception.class)
    ResponseEntity<Object> handleUnexpected(Exception ex, WebRequest request) {
        if (StoreOutage.isCause(ex)) {
            return unavailable(ex, "store", "This service cannot reach its database right now.");
        }
        if (findCause(ex, RetriableException.class) != null) {
            return unavailable(ex, "broker", "This service cannot reach its message broker right now.");
        }
        String incident = java.util.UUID.randomUUID().toString();
        // The incident is in the message itself, so it is in the log line whatever the log's layout.
        log.atError().setCause(ex).addKeyValue("incident", incident)
                .log("Unexpected error while handling a request; incident {}", incident);
        ProblemDetail problem = problem(HttpStatus.INTERNAL_SERVER_ERROR, "Internal error",
                "The request could not be completed. Quote incident " + incident + " when reporting it.", List.of());
        problem.setProperty("incident", incident);
        return handleExceptionInternal(ex, problem, new HttpHeaders(), HttpStatus.INTERNAL_SERVER_ERROR, request);
    }

    /**
     * A dependency the request needs is away: 503 with {@code Retry-After}, saying which one in plain words and as
     * {@code dependency} ({@code store} or {@code broker}), never a 500 and never a stack trace. The call can be made
     * again once the dependency is back, with no restart of the service.
     */
    private static ResponseEntity<Object> unavailable(Exception ex, String dependency, String what) {
        log.atWarn().addKeyValue("dependency", dependency)
                .log("Answered 503: the {} cannot be reached ({})", dependency, rootMessage(ex));
        ProblemDetail problem = problem(HttpStatus.SERVICE_UNAVAILABLE, "Service unavailable",
                what + " Please try again in a few seconds.", List.of());
        problem.setProperty("dependency", dependency);
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                .header(HttpHeaders.RETRY_AFTER, String.valueOf(RETRY_AFTER_UNAVAILABLE_SECONDS))
                .contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }

    private static String rootMessage(Throwable ex) {
        Throwable root = ex;
        for (int depth = 0; root.getCause() != null && root.getCause() != root && depth < 20; depth++) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + ": " + root.getMessage();
    }

    private static ProblemDetail unreadable(HttpMessageNotReadableException ex) {
        JacksonException json = findCause(ex, JacksonException.class);
        if (json instanceof UnrecognizedPropertyException unknown) {
            return problem(HttpStatus.BAD_REQUEST, "Unknown field", "The request has a field this endpoint does not accept.",
                    List.of(new FieldProblem(path(unknown), "unknown field")));
        }
        if (json instanceof InvalidFormatException || json instanceof MismatchedInputException) {
            String field = path(json);
            if (!field.isEmpty()) {
                return problem(HttpStatus.BAD_REQUEST, "Wrong type", "A field has a value of the wrong type.",
                        List.of(new FieldProblem(field, "wrong type or format")));
            }
        }
        if (json instanceof StreamReadException || json != null) {
            return problem(HttpStatus.BAD_REQUEST, "Malformed JSON", "The request body is not valid JSON.", List.of());
        }
        log.debug("Unreadable request body", ex);
        return problem(HttpStatus.BAD_REQUEST, "Unreadable request body",
                "The request body is missing or cannot be read.", List.of());
    }

    static ProblemDetail problem(HttpStatus status, String title, String detail, List<FieldProblem> errors) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setTitle(title);
        if (!errors.isEmpty()) {
            problem.setProperty("errors", errors.stream()
                    .map(error -> Map.of("field", error.field(), "message", String.valueOf(error.message())))
                    .toList());
        }
        return problem;
    }

    private static String path(JacksonException ex) {
        StringBuilder path = new StringBuilder();
        for (JacksonException.Reference reference : ex.getPath()) {
            if (reference.getPropertyName() != null) {
                if (!path.isEmpty()) {
                    path.append('.');
                }
                path.append(reference.getPropertyName());
            } else if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        return path.toString();
    }

    private static <T extends Throwable> T findCause(Throwable ex, Class<T> type) {
        for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
            if (type.isInstance(cause)) {
                return type.cast(cause);
            }
        }
        return null;
    }

    record FieldProblem(String field, String message) {
    }
}
