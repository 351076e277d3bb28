package org.convoy.notification.notice;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.springframework.stereotype.Component;

/**
 * The link in every email with which a delegate manages their notices, without logging in:
 * {@code p1.<delegateId>.<HMAC-SHA256>}. It does not expire, so an old email can still stop the next ones.
 */
@Component
public class PreferenceLinks {

    private static final String VERSION = "p1";

    private final NotificationProperties properties;

    PreferenceLinks(NotificationProperties properties) {
        this.properties = properties;
    }

    /** The preferences page for people; the token rides in the fragment, which browsers never send to a server. */
    public String url(UUID delegateId) {
        return properties.publicBaseUrl() + "/preferences#token=" + token(delegateId);
    }

    /** Where mail programs send a one-click unsubscribe (the API itself). */
    public String unsubscribeUrl(UUID delegateId) {
        return properties.publicBaseUrl() + "/api/notifications/preferences/" + token(delegateId) + "/unsubscribe";
    }

    public String token(UUID delegateId) {
        return VERSION + "." + delegateId + "." + sign(VERSION + "." + delegateId);
    }

    /** The delegate a token speaks for; empty when it is malformed or not signed by us. */
    public Optional<UUID> verify(String token) {
        String[] parts = token == null ? new String[0] : token.split("\\.");
        if (parts.length != 3 || !VERSION.equals(parts[0])) {
            return Optional.empty();
        }
        UUID delegateId;
        try {
            delegateId = UUID.fromString(parts[1]);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        byte[] expected = sign(VERSION + "." + delegateId).getBytes(StandardCharsets.US_ASCII);
        return MessageDigest.isEqual(expected, parts[2].getBytes(StandardCharsets.US_ASCII)) ? Optional.of(delegateId)
                : Optional.empty();
    }

    private String sign(String payload) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(properties.preferencesSecret().getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return Base64.getUrlEncoder().withoutPadding()
                    .encodeToString(mac.doFinal(payload.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
