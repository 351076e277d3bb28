package org.convoy.notification.notice.web;

import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

import org.convoy.notification.contact.Contacts;
import org.convoy.notification.notice.domain.Notice;
import org.convoy.notification.notice.domain.NoticeLedger;
import org.convoy.support.security.OrganizerScope;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * The delivery log for organizers: what was sent to whom, about which meeting, on which channel, how many attempts
 * it took and what the provider answered; and the replay of a notice that failed for good.
 */
@RestController
@RequestMapping("/api/notifications")
class DeliveryLogController {

    private final NoticeLedger ledger;
    private final Contacts contacts;
    private final OrganizerScope scope;
    private final Clock clock;

    DeliveryLogController(NoticeLedger ledger, Contacts contacts, OrganizerScope scope, Clock clock) {
        this.ledger = ledger;
        this.contacts = contacts;
        this.scope = scope;
        this.clock = clock;
    }

    /**
     * One line of the log; the rendered message itself stays in the ledger.
     *
     * @param fallbackOf the notice on another channel this one replaced when that channel failed it, or {@code null}
     * @param providerId the provider's id for the message once sent (to look it up at the provider), or {@code null}
     */
    record LogEntry(String id, UUID eventId, String eventType, UUID delegateId, UUID meetingId, String channel,
            String kind, String to, String subject, Notice.Status status, int attempts, String lastError,
            Instant createdAt, Instant nextAttemptAt, Instant sentAt, String fallbackOf, String providerId) {

        static LogEntry of(Notice notice) {
            return new LogEntry(notice.id(), notice.eventId(), notice.eventType(), notice.delegateId(),
                    notice.meetingId(), notice.channel(), notice.kind(), notice.message().to(),
                    notice.message().subject(), notice.status(), notice.attempts(), notice.lastError(),
                    notice.createdAt(), notice.nextAttemptAt(), notice.sentAt(), notice.fallbackOf(),
                    notice.providerId());
        }
    }

    /** Newest first; every filter is optional. An organizer limited to some convoys sees their delegates' notices. */
    @GetMapping
    List<LogEntry> search(@RequestParam(required = false) UUID delegateId,
            @RequestParam(required = false) UUID meetingId,
            @RequestParam(required = false) Notice.Status status,
            @RequestParam(defaultValue = "200") @Min(1) @Max(1000) int limit) {
        return ledger.search(delegateId, meetingId, status, limit, visibleDelegates()).stream().map(LogEntry::of)
                .toList();
    }

    /** Sends a FAILED or DEAD notice again, as it was rendered, with a fresh count of attempts. */
    @PostMapping("/{noticeId}/replay")
    LogEntry replay(@PathVariable String noticeId) {
        Collection<UUID> visible = visibleDelegates();
        Notice notice = ledger.find(noticeId).filter(found -> visible == null || visible.contains(found.delegateId()))
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "No notice " + noticeId + "."));
        if (!ledger.replay(noticeId, clock.instant())) {
            throw new ResponseStatusException(HttpStatus.CONFLICT, "Only a FAILED or DEAD notice can be replayed; this "
                    + "one is " + notice.status() + ".");
        }
        return LogEntry.of(ledger.find(noticeId).orElseThrow());
    }

    /** The delegates whose notices this organizer may see; {@code null} when she sees every convoy. */
    private Collection<UUID> visibleDelegates() {
        return scope.limitedTo().map(contacts::delegatesOf).orElse(null);
    }
}
