package org.convoy.registration.delegate.web;


import org.convoy.registration.delegate.IdempotencyKeyReusedException;
import org.convoy.registration.delegate.RetentionNotOverException;
import org.convoy.registration.delegate.domain.AlreadyRegisteredException;
import org.convoy.registration.delegate.domain.DelegateNotFoundException;
import org.convoy.registration.delegate.domain.RegistrationRefusedException;
import org.convoy.registration.edition.UnknownEditionException;
import org.convoy.support.web.Problems;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** Registration's own refusals as problem+json; none of them repeats personal data. */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class RegistrationErrors {

    @ExceptionHandler(AlreadyRegisteredException.class)
    ProblemDetail alreadyRegistered() {
        return problem(HttpStatus.CONFLICT, "Already registered",
                "This email address is already registered for this convoy. Use the link in your registration "
                        + "email, or ask for a new one, to see or change your registration.");
    }

    @ExceptionHandler(IdempotencyKeyReusedException.class)
    ProblemDetail idempotencyKeyReused(IdempotencyKeyReusedException e) {
        return problem(HttpStatus.UNPROCESSABLE_CONTENT, "Idempotency-Key reused", e.getMessage());
    }

    @ExceptionHandler(UnknownEditionException.class)
    ProblemDetail unknownEdition() {
        ProblemDetail problem = Problems.invalidField("convoyId", "unknown convoy");
        problem.setTitle("Unknown convoy");
        problem.setDetail("There is no convoy with this id.");
        return problem;
    }

    @ExceptionHandler(DelegateNotFoundException.class)
    ProblemDetail notFound() {
        return problem(HttpStatus.NOT_FOUND, "No such delegate", "No registration holds this delegate.");
    }

    @ExceptionHandler(RetentionNotOverException.class)
    ProblemDetail retentionNotOver(RetentionNotOverException e) {
        return problem(HttpStatus.CONFLICT, "Retention period not over", e.getMessage());
    }

    @ExceptionHandler(FieldProblemException.class)
    ProblemDetail fieldProblem(FieldProblemException e) {
        return Problems.invalidField(e.field(), e.getMessage());
    }

    @ExceptionHandler(RegistrationRefusedException.class)
    ProblemDetail refused(RegistrationRefusedException e) {
        return problem(HttpStatus.CONFLICT, "Not allowed now", e.getMessage());
    }

    private static ProblemDetail problem(HttpStatus status, String title, String detail) {
        return Problems.of(status, title, detail);
    }
}
