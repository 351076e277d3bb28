package org.convoy.scheduling.attendance;

import org.convoy.support.problem.Refusal;

/** Why a check-in, an excuse or a survey answer is refused; nothing is stored. */
public class AttendanceRefusal extends Refusal {

    private AttendanceRefusal(Kind kind, String title, String detail) {
        super(kind, title, detail);
    }

    static AttendanceRefusal conflict(String title, String detail) {
        return new AttendanceRefusal(Kind.CONFLICT, title, detail);
    }

    static AttendanceRefusal notValid(String detail) {
        return new AttendanceRefusal(Kind.UNAUTHORIZED, "Survey link not valid", detail);
    }

    static AttendanceRefusal forbidden(String title, String detail) {
        return new AttendanceRefusal(Kind.FORBIDDEN, title, detail);
    }

    static AttendanceRefusal gone(String title, String detail) {
        return new AttendanceRefusal(Kind.GONE, title, detail);
    }
}
