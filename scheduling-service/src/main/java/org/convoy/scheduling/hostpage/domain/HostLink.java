package org.convoy.scheduling.hostpage.domain;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.convoy.events.HostLinkIssued;
import org.convoy.support.outbox.OutboxEntry;
import org.convoy.support.outbox.Outboxed;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A host contact's personal link to the host page and the session it was exchanged for, one document per contact.
 * Only the SHA-256 of the link's one-time code is kept; the code itself exists in the contact's email alone. A newer
 * link replaces the code; opening it uses it up; an organizer's revocation ends the code and the session.
 *
 * @param codeHash  the SHA-256 of the current code, kept after use so a second opening is told it was used
 * @param usedAt    when the current code was exchanged for a session, or {@code null}
 * @param revokedAt when an organizer ended the link and its session, or {@code null}
 * @param sessionId the one session that speaks for the contact now, or {@code null}
 */
@Document(HostLink.COLLECTION)
public record HostLink(@Id UUID contactId, String hostId, String codeHash, Instant expiresAt, Instant usedAt,
        Instant revokedAt, UUID sessionId, List<OutboxEntry> outbox, @Version Long version) implements Outboxed {

    public static final String COLLECTION = "host_links";

    public HostLink {
        outbox = outbox == null ? List.of() : List.copyOf(outbox);
    }

    /** A contact who has had no link yet. */
    public static HostLink none(UUID contactId, String hostId) {
        return new HostLink(contactId, hostId, null, null, null, null, null, List.of(), null);
    }

    /**
     * A new link: its code replaces any earlier one, and {@link HostLinkIssued} asks notification to email it. A session
     * the contact holds stays valid.
     */
    public HostLink issued(String nonce, String newCodeHash, Instant until, Instant now) {
        List<OutboxEntry> pending = new ArrayList<>(outbox);
        pending.add(OutboxEntry.of(new HostLinkIssued(UUID.randomUUID(), now, HostLinkIssued.SCHEMA_VERSION, hostId,
                contactId, nonce, until)));
        return new HostLink(contactId, hostId, newCodeHash, until, null, null, sessionId, pending, version);
    }

    /** Whether the code can still be exchanged: not used, not revoked, not expired. */
    public boolean opens(Instant now) {
        return codeHash != null && usedAt == null && revokedAt == null && expiresAt.isAfter(now);
    }

    /** The code is used up; the new session replaces any earlier one. */
    public HostLink opened(UUID newSessionId, Instant now) {
        return new HostLink(contactId, hostId, codeHash, expiresAt, now, revokedAt, newSessionId, outbox, version);
    }

    /** An organizer ended the link and the session it was exchanged for. */
    public HostLink revoked(Instant now) {
        return new HostLink(contactId, hostId, codeHash, expiresAt, usedAt, now, null, outbox, version);
    }

    @Override
    public List<OutboxEntry> pendingEvents() {
        return outbox;
    }
}
