package org.convoy.registration.delegate;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.UUID;

import org.convoy.registration.delegate.domain.Member;
import org.convoy.registration.delegate.domain.Registration.IssuedLink;
import org.convoy.support.links.LinkCodes;
import org.convoy.support.links.PersonalLinks;
import org.convoy.support.links.PublicAddress;
import org.springframework.stereotype.Component;

/**
 * Personal links without passwords, as a delegate meets them: the emailed link carries a one-time code
 * ({@code /registration#code=…}, in the fragment, which browsers never send to a server), which her page exchanges
 * once for a session that travels in the {@code X-Registration-Token} header; the calendar feed has a read-only token
 * of its own. Registration keeps only each code's hash; a newer link replaces the older one.
 */
@Component
public class SelfServiceLinks {

    /** The header that carries a delegate's session. */
    public static final String HEADER = PersonalLinks.HEADER;

    private final RegistrationProperties properties;
    private final Clock clock;
    private final PersonalLinks tokens;
    private final LinkCodes codes;
    private final PublicAddress address;

    SelfServiceLinks(RegistrationProperties properties, Clock clock) {
        this.properties = properties;
        this.clock = clock;
        this.tokens = new PersonalLinks(properties.linkSecret(), clock);
        this.codes = new LinkCodes(properties.linkSecret());
        this.address = new PublicAddress(properties.publicBaseUrl());
    }

    /** A new link for the delegate: its nonce (for the email) and its code's hash (for the registration). */
    public IssuedLink issue(UUID delegateId) {
        String nonce = LinkCodes.nonce();
        Instant expiresAt = clock.instant().plus(properties.linkValidity()).truncatedTo(ChronoUnit.SECONDS);
        return new IssuedLink(nonce, new Member.LinkCode(LinkCodes.hash(codes.code(delegateId, nonce)), expiresAt));
    }

    /** The address of the personal link with this code, as the email shows it. */
    public String url(String code) {
        return address.of("/registration#code=" + code);
    }

    /** A session for a delegate who just opened her link. */
    public Session session(UUID delegateId) {
        Instant expiresAt = clock.instant().plus(properties.sessionValidity()).truncatedTo(ChronoUnit.SECONDS);
        return new Session(delegateId, tokens.session(delegateId, expiresAt), expiresAt);
    }

    /** The delegate a session speaks for, if it is genuine and not expired. */
    public Optional<UUID> verify(String session) {
        return tokens.verifySession(session);
    }

    /** The address a calendar app subscribes to for the delegate's agenda; it opens that feed and nothing else. */
    public String calendarFeed(String convoyId, UUID delegateId) {
        return address.of("/api/scheduling/convoys/" + convoyId + "/delegates/" + delegateId + "/agenda.ics?token="
                + tokens.calendar(delegateId));
    }

    /** @param token what the delegate sends in {@link #HEADER} until {@code expiresAt} */
    public record Session(UUID delegateId, String token, Instant expiresAt) {
    }
}
