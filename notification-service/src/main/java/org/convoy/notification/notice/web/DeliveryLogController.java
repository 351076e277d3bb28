package org.convoy.notification.notice.web;

import java.util.List;
import java.util.UUID;

import org.convoy.notification.notice.domain.Notice;
import org.convoy.notification.notice.domain.NoticeLedger;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** What was sent to a delegate, on which channel, and how it went. */
@RestController
@RequestMapping("/api/notifications")
class DeliveryLogController {

    private final NoticeLedger ledger;

    DeliveryLogController(NoticeLedger ledger) {
        this.ledger = ledger;
    }

    @GetMapping
    List<Notice> ofDelegate(@RequestParam UUID delegateId) {
        return ledger.ofDelegate(delegateId);
    }
}
