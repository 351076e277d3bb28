package org.convoy.scheduling.web;

import org.convoy.scheduling.PlanProblemException;
import org.convoy.scheduling.edition.UnknownConvoyException;
import org.convoy.scheduling.host.HostConflictException;
import org.convoy.scheduling.host.HostNotFoundException;
import org.convoy.scheduling.meeting.domain.MeetingConflictException;
import org.convoy.scheduling.meeting.domain.MeetingNotFoundException;
import org.convoy.scheduling.meeting.domain.MeetingStateException;
import org.convoy.support.web.Problems;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** Scheduling's refusals as problem+json. */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class SchedulingErrors {

    @ExceptionHandler(UnknownConvoyException.class)
    ProblemDetail unknownConvoy(UnknownConvoyException e) {
        return problem(HttpStatus.NOT_FOUND, "No such convoy", e.getMessage());
    }

    @ExceptionHandler(HostNotFoundException.class)
    ProblemDetail unknownHost(HostNotFoundException e) {
        return problem(HttpStatus.NOT_FOUND, "No such host", e.getMessage());
    }

    @ExceptionHandler(MeetingNotFoundException.class)
    ProblemDetail unknownMeeting(MeetingNotFoundException e) {
        return problem(HttpStatus.NOT_FOUND, "No such meeting", e.getMessage());
    }

    @ExceptionHandler(PlanProblemException.class)
    ProblemDetail planProblem(PlanProblemException e) {
        return Problems.invalidField(e.field(), e.getMessage());
    }

    /** Every broken rule is listed under {@code conflicts} with its code, so a planner can show each beside its cause. */
    @ExceptionHandler(MeetingConflictException.class)
    ProblemDetail conflicts(MeetingConflictException e) {
        ProblemDetail problem = problem(HttpStatus.CONFLICT, "Meeting cannot take place as planned", e.getMessage());
        problem.setProperty("conflicts", e.conflicts());
        return problem;
    }

    @ExceptionHandler(MeetingStateException.class)
    ProblemDetail state(MeetingStateException e) {
        return problem(HttpStatus.CONFLICT, "Not possible in the meeting's state", e.getMessage());
    }

    @ExceptionHandler(HostConflictException.class)
    ProblemDetail hostConflict(HostConflictException e) {
        return problem(HttpStatus.CONFLICT, "Host catalogue conflict", e.getMessage());
    }

    private static ProblemDetail problem(HttpStatus status, String title, String detail) {
        return Problems.of(status, title, detail);
    }
}
