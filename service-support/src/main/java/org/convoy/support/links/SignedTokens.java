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
 * Tokens that speak for one person without a password: {@code <version>.<id>[.<expiry>].<HMAC-SHA256>}. Expiring
 * tokens carry their end as epoch seconds; lasting ones (the preferences link at the foot of an old email) carry
 * none. The version names the purpose, so a token made for one purpose never opens another, even under one secret.
 */
public final class SignedTokens {

    private final String version;
    private final SecretKeySpec key;
    private final Clock clock;
    private final boolean expiring;

    private SignedTokens(String version, String secret, Clock clock, boolean expiring) {
        if (version.contains(".")) {
            throw new IllegalArgumentException("A token version may not contain a dot");
        }
        this.version = version;
        this.key = new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256");
        this.clock = clock;
        this.expiring = expiring;
    }

    /** Tokens that stop working at the instant they carry. */
    public static SignedTokens expiring(String version, String secret, Clock clock) {
        return new SignedTokens(version, secret, clock, true);
    }

    /** Tokens that work until the secret changes. */
    public static SignedTokens lasting(String version, String secret) {
        return new SignedTokens(version, secret, Clock.systemUTC(), false);
    }

    public String token(UUID id, Instant expiresAt) {
        if (!expiring) {
            throw new IllegalStateException("These tokens do not expire");
        }
        return signed(version + "." + id + "." + expiresAt.getEpochSecond());
    }

    public String token(UUID id) {
        if (expiring) {
            throw new IllegalStateException("These tokens need an expiry");
        }
        return signed(version + "." + id);
    }

    /** The id a token speaks for, if it is ours, for this purpose, and not expired. */
    public Optional<UUID> verify(String token) {
        if (token == null) {
            return Optional.empty();
        }
        String[] parts = token.split("\\.", -1);
        if (parts.length != (expiring ? 4 : 3) || !version.equals(parts[0])) {
            return Optional.empty();
        }
        int signature = parts.length - 1;
        String payload = token.substring(0, token.length() - parts[signature].length() - 1);
        if (!MessageDigest.isEqual(sign(payload).getBytes(StandardCharsets.US_ASCII),
                parts[signature].getBytes(StandardCharsets.US_ASCII))) {
            return Optional.empty();
        }
        try {
            if (expiring && Instant.ofEpochSecond(Long.parseLong(parts[2])).isBefore(clock.instant())) {
                return Optional.empty();
            }
            return Optional.of(UUID.fromString(parts[1]));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private String signed(String payload) {
        return payload + "." + sign(payload);
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
