package org.convoy.support.links;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.UUID;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The one-time codes of personal links. Registration draws a random nonce for each link it issues and keeps only the
 * hash of the code; the event that asks for the email carries the nonce, from which only a holder of the link secret
 * ({@code REGISTRATION_LINK_SECRET}: registration and notification) can make the code. So no event, and no stored
 * document, holds a code anyone could use.
 */
public final class LinkCodes {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Base64.Encoder URL = Base64.getUrlEncoder().withoutPadding();

    private final SecretKeySpec key;

    public LinkCodes(String secret) {
        this.key = new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256");
    }

    /** A fresh nonce for a link about to be issued. */
    public static String nonce() {
        byte[] bytes = new byte[24];
        RANDOM.nextBytes(bytes);
        return URL.encodeToString(bytes);
    }

    /** The code of a link: what the delegate's email carries, and what she exchanges for a session. */
    public String code(UUID delegateId, String nonce) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return URL.encodeToString(mac.doFinal(("code|" + delegateId + "|" + nonce).getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }

    /** What is stored of a code: its SHA-256, by which an offered code is found and checked. */
    public static String hash(String code) {
        try {
            return URL.encodeToString(MessageDigest.getInstance("SHA-256")
                    .digest(String.valueOf(code).getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 unavailable", e);
        }
    }
}
