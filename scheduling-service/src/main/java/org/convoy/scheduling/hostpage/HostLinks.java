package org.convoy.scheduling.hostpage;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import java.util.function.UnaryOperator;

import org.convoy.scheduling.SchedulingProperties;
import org.convoy.scheduling.host.HostDirectory;
import org.convoy.scheduling.host.HostNotFoundException;
import org.convoy.scheduling.host.domain.DirectoryHost;
import org.convoy.scheduling.hostpage.domain.HostLink;
import org.convoy.scheduling.hostpage.domain.HostLinkRepository;
import org.convoy.support.links.LinkCodes;
import org.convoy.support.links.SignedTokens;
import org.convoy.support.outbox.OutboxRelay;
import org.convoy.support.problem.NotFoundException;
import org.convoy.support.store.OptimisticWrites;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.stereotype.Service;

/**
 * Host contacts' personal links, the same way as delegates': an organizer sends one to a contact of the host
 * directory; the email carries a one-time code that only scheduling and notification can make (from the nonce in
 * {@code HostLinkIssued} and {@code REGISTRATION_LINK_SECRET}), of which scheduling keeps the SHA-256; the host page
 * exchanges it once for a session ({@code h1…}, signed, for {@link HostLinkProperties#sessionValidity()}), which
 * speaks for that contact of that host and nothing else. An organizer's revocation ends the code and the session.
 */
@Service
public class HostLinks {

    /** The header that carries a host contact's session. */
    public static final String HEADER = "X-Host-Token";

    private static final Logger log = LoggerFactory.getLogger(HostLinks.class);

    private final HostLinkRepository links;
    private final HostDirectory directory;
    private final OptimisticWrites writes;
    private final OutboxRelay relay;
    private final HostLinkProperties properties;
    private final LinkCodes codes;
    private final SignedTokens sessions;
    private final Clock clock;

    HostLinks(HostLinkRepository links, HostDirectory directory, OptimisticWrites writes, OutboxRelay relay,
            HostLinkProperties properties, SchedulingProperties secrets, Clock clock) {
        this.links = links;
        this.directory = directory;
        this.writes = writes;
        this.relay = relay;
        this.properties = properties;
        this.codes = new LinkCodes(secrets.linkSecret());
        this.sessions = SignedTokens.expiring("h1", secrets.linkSecret(), clock);
        this.clock = clock;
    }

    /** Who a host session speaks for. */
    public record Holder(String hostId, UUID contactId, String name, String language, String organization) {
    }

    /** A session, given once for a link's code. */
    public record Session(String token, Instant expiresAt, Holder holder) {
    }

    /**
     * Sends a contact of the host a new link (an earlier one stops working).
     *
     * @return when the new link stops working
     */
    public Instant issue(String hostId, UUID contactId) {
        contactOf(hostId, contactId);
        Instant now = clock.instant();
        Instant until = now.plus(properties.linkValidity());
        String nonce = LinkCodes.nonce();
        String hash = LinkCodes.hash(codes.code(contactId, nonce));
        HostLink issued = change(hostId, contactId, link -> link.issued(nonce, hash, until, now));
        relay.nudge(issued);
        log.atInfo().addKeyValue("hostId", hostId).addKeyValue("contactId", contactId).log("Host link issued");
        return until;
    }

    /** Ends the contact's link and her session; she needs a new link to open the host page again. */
    public void revoke(String hostId, UUID contactId) {
        HostLink link = links.findById(contactId).filter(found -> found.hostId().equals(hostId))
                .orElseThrow(() -> new NotFoundException("No such link", "No link was sent to this contact."));
        change(hostId, link.contactId(), found -> found.revoked(clock.instant()));
        log.atInfo().addKeyValue("hostId", hostId).addKeyValue("contactId", contactId).log("Host link revoked");
    }

    /**
     * Exchanges a link's one-time code for a session.
     *
     * @throws LinkNotValidException 401 for a code scheduling never made or that a newer link replaced; 410 for one
     *                               used, expired or revoked
     */
    public Session open(String code) {
        HostLink link = links.findByCodeHash(LinkCodes.hash(code)).orElseThrow(LinkNotValidException::unknownCode);
        Instant now = clock.instant();
        if (!link.opens(now)) {
            throw LinkNotValidException.usedUp();
        }
        DirectoryHost.Contact contact = contactOf(link.hostId(), link.contactId());
        UUID sessionId = UUID.randomUUID();
        HostLink opened = change(link.hostId(), link.contactId(), current -> {
            if (!current.opens(now) || !link.codeHash().equals(current.codeHash())) {
                throw LinkNotValidException.usedUp();
            }
            return current.opened(sessionId, now);
        });
        Instant until = now.plus(properties.sessionValidity());
        log.atInfo().addKeyValue("hostId", opened.hostId()).addKeyValue("contactId", opened.contactId())
                .log("Host link opened");
        return new Session(sessions.token(sessionId, until), until, holder(opened.hostId(), contact));
    }

    /**
     * Who a session speaks for.
     *
     * @throws LinkNotValidException 401 for a forged, expired, replaced or revoked session, or a contact removed
     */
    public Holder holder(String token) {
        Optional<UUID> sessionId = sessions.verify(token == null ? null : token.strip());
        HostLink link = sessionId.flatMap(links::findBySessionId).orElseThrow(LinkNotValidException::noSession);
        DirectoryHost host;
        try {
            host = directory.get(link.hostId());
        } catch (HostNotFoundException gone) {
            throw LinkNotValidException.noSession();
        }
        return host.contact(link.contactId()).map(contact -> holder(host, contact))
                .orElseThrow(LinkNotValidException::noSession);
    }

    private Holder holder(String hostId, DirectoryHost.Contact contact) {
        return holder(directory.get(hostId), contact);
    }

    private static Holder holder(DirectoryHost host, DirectoryHost.Contact contact) {
        return new Holder(host.hostId(), contact.id(), contact.name(), contact.language(), host.organization());
    }

    private DirectoryHost.Contact contactOf(String hostId, UUID contactId) {
        return directory.get(hostId).contact(contactId).orElseThrow(() -> new NotFoundException("No such contact",
                "The host " + hostId + " has no contact " + contactId + "."));
    }

    /** Applies a change to the contact's link as stored (a new one for a first link), again when another saved first. */
    private HostLink change(String hostId, UUID contactId, UnaryOperator<HostLink> change) {
        HostLink[] held = new HostLink[1];
        writes.change(() -> {
            held[0] = links.findById(contactId).orElseGet(() -> HostLink.none(contactId, hostId));
            return held;
        }, link -> link[0] = change.apply(link[0]), link -> {
            try {
                link[0] = link[0].version() == null ? links.insert(link[0]) : links.save(link[0]);
            } catch (DuplicateKeyException firstLinkMeanwhile) {
                throw new OptimisticLockingFailureException("Link added meanwhile",
                        firstLinkMeanwhile);
            }
            return link;
        });
        return held[0];
    }
}
