package org.convoy.support.links;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * Delegates' personal links, without passwords: {@code v1.<delegateId>.<expiry>.<HMAC-SHA256>} (a
 * {@link SignedTokens} of version {@code v1}). Registration issues them; every service that serves a delegate their
 * own data checks them with the same secret ({@code REGISTRATION_LINK_SECRET}). A token proves who the delegate is
 * until it expires, and nothing else.
 */
public final class PersonalLinks {

    /** The header that carries a personal link's token. */
    public static final String HEADER = "X-Registration-Token";

    private final SignedTokens tokens;

    public PersonalLinks(String secret, Clock clock) {
        this.tokens = SignedTokens.expiring("v1", secret, clock);
    }

    public String token(UUID delegateId, Instant expiresAt) {
        return tokens.token(delegateId, expiresAt);
    }

    /** The delegate a token speaks for, if it is genuine and not expired. */
    public Optional<UUID> verify(String token) {
        return tokens.verify(token);
    }
}
