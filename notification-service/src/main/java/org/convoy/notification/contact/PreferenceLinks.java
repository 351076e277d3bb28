package org.convoy.notification.contact;

import java.util.Optional;
import java.util.UUID;

import org.convoy.notification.NotificationProperties;
import org.convoy.support.links.PublicAddress;
import org.convoy.support.links.SignedTokens;
import org.springframework.stereotype.Component;

/**
 * The link in every email with which a delegate manages their notices, without logging in:
 * {@code p1.<delegateId>.<HMAC-SHA256>}. It does not expire, so an old email can still stop the next ones.
 */
@Component
public class PreferenceLinks {

    private final PublicAddress address;
    private final SignedTokens tokens;

    PreferenceLinks(NotificationProperties properties) {
        this.address = new PublicAddress(properties.publicBaseUrl());
        this.tokens = SignedTokens.lasting("p1", properties.preferencesSecret());
    }

    /** The preferences page for people; the token rides in the fragment, which browsers never send to a server. */
    public String url(UUID delegateId) {
        return address.of("/preferences#token=" + token(delegateId));
    }

    /** Where mail programs send a one-click unsubscribe (the API itself). */
    public String unsubscribeUrl(UUID delegateId) {
        return address.of("/api/notifications/preferences/" + token(delegateId) + "/unsubscribe");
    }

    public String token(UUID delegateId) {
        return tokens.token(delegateId);
    }

    /** The delegate a token speaks for; empty when it is malformed or not signed by us. */
    public Optional<UUID> verify(String token) {
        return tokens.verify(token);
    }
}
