package org.convoy.notification.notice.whatsapp.web;

import java.util.Map;

import org.convoy.notification.notice.whatsapp.StatusReports;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * The WhatsApp provider's status callback ({@link StatusReports}): public, since the provider calls it, and trusted
 * only when signed. 204 for a signed report, 403 for any other.
 */
@RestController
@ConditionalOnProperty(name = "convoy.notification.whatsapp.provider", havingValue = "twilio")
class StatusReportController {

    private final StatusReports reports;

    StatusReportController(StatusReports reports) {
        this.reports = reports;
    }

    @PostMapping(path = "/api/notifications/whatsapp/status", consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void report(@RequestParam Map<String, String> form,
            @RequestHeader(name = "X-Twilio-Signature", required = false) String signature) {
        if (!reports.signed(form, signature)) {
            throw new ResponseStatusException(HttpStatus.FORBIDDEN, "The report is not signed by the provider.");
        }
        reports.report(form);
    }
}
