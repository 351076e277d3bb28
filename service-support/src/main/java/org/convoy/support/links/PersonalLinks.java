package org.convoy.support.links;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Delegates' personal links, without passwords: {@code v1.<delegateId>.<expiry>.<HMAC-SHA256>}. Registration issues
 * them; every service that serves a delegate their own data checks them with the same secret
 * ({@code REGISTRATION_LINK_SECRET}). A token proves who the delegate is until it expires, and nothing else.
 */
public final class PersonalLinks {

    /** The header that carries a personal link's token. */
    public static final String HEADER = "X-Registration-Token";

    private static final String VERSION = "v1";

    private final SecretKeySpec key;
    private final Clock clock;

    public PersonalLinks(String secret, Clock clock) {
        this.key = new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256");
        this.clock = clock;
    }

    public String token(UUID delegateId, Instant expiresAt) {
        String payload = VERSION + "." + delegateId + "." + expiresAt.getEpochSecond();
        return payload + "." + sign(payload);
    }

    /** The delegate a token speaks for, if it is genuine and not expired. */
    public Optional<UUID> verify(String token) {
        if (token == null) {
            return Optional.empty();
        }
        String[] parts = token.split("\\.");
        if (parts.length != 4 || !VERSION.equals(parts[0])) {
            return Optional.empty();
        }
        String payload = parts[0] + "." + parts[1] + "." + parts[2];
        if (!MessageDigest.isEqual(sign(payload).getBytes(StandardCharsets.US_ASCII),
                parts[3].getBytes(StandardCharsets.US_ASCII))) {
            return Optional.empty();
        }
        try {
            if (Instant.ofEpochSecond(Long.parseLong(parts[2])).isBefore(clock.instant())) {
                return Optional.empty();
            }
            return Optional.of(UUID.fromString(parts[1]));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private String sign(String payload) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return Base64.getUrlEncoder().withoutPadding()
                    .encodeToString(mac.doFinal(payload.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }
}
