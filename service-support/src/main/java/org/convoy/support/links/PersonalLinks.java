package org.convoy.support.links;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * What a delegate holds once she opened her personal link, without a password. A session ({@code s1}, signed and
 * short-lived) is what the one-time code of the emailed link is exchanged for: it travels in {@link #HEADER} and opens
 * her own registration and agenda, nothing of anyone else's. A calendar token ({@code c1}) is the read-only key in the
 * address her calendar app subscribes to; it opens that feed and nothing else. Registration issues both; every
 * service that serves a delegate her own data checks them with the same secret ({@code REGISTRATION_LINK_SECRET}).
 */
public final class PersonalLinks {

    /** The header that carries a delegate's session. */
    public static final String HEADER = "X-Registration-Token";

    private final SignedTokens sessions;
    private final SignedTokens calendars;

    public PersonalLinks(String secret, Clock clock) {
        this.sessions = SignedTokens.expiring("s1", secret, clock);
        this.calendars = SignedTokens.lasting("c1", secret);
    }

    public String session(UUID delegateId, Instant expiresAt) {
        return sessions.token(delegateId, expiresAt);
    }

    /** The delegate a session speaks for, if it is genuine and not expired. */
    public Optional<UUID> verifySession(String token) {
        return sessions.verify(token == null ? null : token.strip());
    }

    public String calendar(UUID delegateId) {
        return calendars.token(delegateId);
    }

    /** The delegate whose calendar feed a token opens, if it is genuine. */
    public Optional<UUID> verifyCalendar(String token) {
        return calendars.verify(token == null ? null : token.strip());
    }
}
