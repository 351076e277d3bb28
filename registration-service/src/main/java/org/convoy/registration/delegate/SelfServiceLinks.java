package org.convoy.registration.delegate;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;


import org.convoy.registration.delegate.domain.Registration.IssuedLink;
import org.convoy.support.links.PersonalLinks;
import org.convoy.support.links.PublicAddress;
import org.springframework.stereotype.Component;

/**
 * Personal links without passwords: {@code v1.<delegateId>.<expiry>.<HMAC-SHA256>}. The token travels in the
 * link's fragment (never sent to a server or written to its logs) and then in the {@code X-Registration-Token}
 * header. It proves who the delegate is until it expires; it carries nothing else, and it opens only the delegate's
 * own registration: organizer calls refuse it.
 */
@Component
public class SelfServiceLinks {

    /** The header that carries a personal link's token. */
    public static final String HEADER = PersonalLinks.HEADER;

    private final RegistrationProperties properties;
    private final Clock clock;
    private final PersonalLinks links;
    private final PublicAddress address;

    SelfServiceLinks(RegistrationProperties properties, Clock clock) {
        this.properties = properties;
        this.clock = clock;
        this.links = new PersonalLinks(properties.linkSecret(), clock);
        this.address = new PublicAddress(properties.publicBaseUrl());
    }

    public IssuedLink issue(UUID delegateId) {
        Instant expiresAt = clock.instant().plus(properties.linkValidity()).truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        String token = token(delegateId, expiresAt);
        return new IssuedLink(address.of("/registration#token=" + token), expiresAt);
    }

    String token(UUID delegateId, Instant expiresAt) {
        return links.token(delegateId, expiresAt);
    }

    /** The delegate a token speaks for, if it is genuine and not expired. */
    public Optional<UUID> verify(String token) {
        return links.verify(token);
    }
}
