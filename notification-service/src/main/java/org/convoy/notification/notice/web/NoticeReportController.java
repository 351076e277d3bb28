package org.convoy.notification.notice.web;

import jakarta.validation.constraints.Pattern;

import org.convoy.notification.notice.NoticeReports;
import org.convoy.support.problem.FieldProblemException;
import org.convoy.support.security.OrganizerScope;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The notices part of a convoy's report, for organizers who may see the convoy: every table as JSON, or one as CSV
 * ({@code ?format=csv&table=…}, or {@code Accept: text/csv}).
 */
@RestController
class NoticeReportController {

    private final NoticeReports reports;
    private final OrganizerScope scope;

    NoticeReportController(NoticeReports reports, OrganizerScope scope) {
        this.reports = reports;
        this.scope = scope;
    }

    @GetMapping("/api/notifications/report")
    ResponseEntity<?> report(@RequestParam(required = false) @Pattern(regexp = "[a-z0-9][a-z0-9-]{2,59}") String convoyId,
            @RequestParam(required = false) String format, @RequestParam(required = false) String table,
            @RequestHeader(name = HttpHeaders.ACCEPT, required = false) String accept) {
        if (convoyId == null) {
            throw new FieldProblemException("convoyId", "must not be blank");
        }
        scope.require(convoyId);
        return reports.of(convoyId).answer(format, table, accept, convoyId);
    }
}
