package org.convoy.scheduling.report.web;

import org.convoy.scheduling.report.ConvoyReports;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * A convoy's report for organizers: every table as JSON, or one as CSV ({@code ?format=csv&table=…}, or
 * {@code Accept: text/csv}). Only organizers who may see the convoy reach it (its path is convoy-scoped).
 */
@RestController
class ReportController {

    private final ConvoyReports reports;

    ReportController(ConvoyReports reports) {
        this.reports = reports;
    }

    @GetMapping("/api/scheduling/convoys/{convoyId}/report")
    ResponseEntity<?> report(@PathVariable String convoyId, @RequestParam(required = false) String format,
            @RequestParam(required = false) String table,
            @RequestHeader(name = HttpHeaders.ACCEPT, required = false) String accept) {
        return reports.of(convoyId).answer(format, table, accept, convoyId);
    }
}
