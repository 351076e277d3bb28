package org.convoy.events;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.UUID;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Crypto-shredding of delegates' personal data in events. Each delegate has a key of their own (AES-256, random) that
 * seals their profile in events (AES-GCM, bound to the delegate's id, so a sealed profile cannot pass for another
 * delegate's). The key travels and is kept only wrapped with the platform's key-wrapping key, derived from a secret
 * every service that reads profiles shares. Erasure destroys the delegate's key everywhere it is kept; what was sealed
 * with it, in Kafka or anywhere else, can then be read by nobody, the platform included.
 *
 * <p>Forms: a wrapped key is {@code k1.<base64url(nonce ‖ ciphertext)>}, a sealed profile
 * {@code p1.<base64url(nonce ‖ ciphertext)>}, the profile being its JSON.
 */
public final class DelegateDataKeys {

    private static final String WRAPPED = "k1.";
    private static final String SEALED = "p1.";
    private static final int KEY_BYTES = 32;
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

    private final SecretKeySpec wrappingKey;
    /** A newer producer may seal a profile with fields this reader does not know yet. */
    private final JsonMapper json = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();

    /** @param secret the key-wrapping secret, the same in every service (at least 32 random characters) */
    public DelegateDataKeys(String secret) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            byte[] derived = mac.doFinal("convoy delegate key wrapping v1".getBytes(StandardCharsets.UTF_8));
            wrappingKey = new SecretKeySpec(derived, "AES");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("This Java runtime lacks HMAC-SHA256", e);
        }
    }

    /** A new key for the delegate, wrapped. */
    public String newKey(UUID delegateId) {
        byte[] key = new byte[KEY_BYTES];
        RANDOM.nextBytes(key);
        return WRAPPED + ENCODER.encodeToString(encrypt(wrappingKey, key, "key:" + delegateId));
    }

    /** The profile sealed with the delegate's wrapped key. */
    public String seal(UUID delegateId, String wrappedKey, DelegateProfile profile) {
        byte[] plain = json.writeValueAsBytes(profile);
        return SEALED + ENCODER.encodeToString(encrypt(unwrap(delegateId, wrappedKey), plain, "profile:" + delegateId));
    }

    /**
     * Opens a sealed profile.
     *
     * @throws UnreadableEventException when the key or the sealed profile is not this delegate's, was altered, or was
     *                                  wrapped with another secret
     */
    public DelegateProfile open(UUID delegateId, String wrappedKey, String sealedProfile) {
        byte[] plain = decrypt(unwrap(delegateId, wrappedKey), payload(sealedProfile, SEALED), "profile:" + delegateId);
        try {
            return json.readValue(plain, DelegateProfile.class);
        } catch (JacksonException e) {
            throw new UnreadableEventException("The sealed profile of delegate " + delegateId + " is not a profile", e);
        }
    }

    /** Whether a wrapped key opens with this service's secret. */
    public boolean opens(UUID delegateId, String wrappedKey) {
        try {
            unwrap(delegateId, wrappedKey);
            return true;
        } catch (UnreadableEventException e) {
            return false;
        }
    }

    private SecretKeySpec unwrap(UUID delegateId, String wrappedKey) {
        return new SecretKeySpec(decrypt(wrappingKey, payload(wrappedKey, WRAPPED), "key:" + delegateId), "AES");
    }

    private static byte[] payload(String value, String prefix) {
        if (value == null || !value.startsWith(prefix)) {
            throw new UnreadableEventException("Expected a value of the form " + prefix + "…");
        }
        try {
            return DECODER.decode(value.substring(prefix.length()));
        } catch (IllegalArgumentException e) {
            throw new UnreadableEventException("Not base64url after " + prefix, e);
        }
    }

    private static byte[] encrypt(SecretKeySpec key, byte[] plain, String boundTo) {
        try {
            byte[] nonce = new byte[NONCE_BYTES];
            RANDOM.nextBytes(nonce);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(boundTo.getBytes(StandardCharsets.UTF_8));
            byte[] sealed = cipher.doFinal(plain);
            return ByteBuffer.allocate(nonce.length + sealed.length).put(nonce).put(sealed).array();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("This Java runtime lacks AES-GCM", e);
        }
    }

    private static byte[] decrypt(SecretKeySpec key, byte[] payload, String boundTo) {
        if (payload.length <= NONCE_BYTES) {
            throw new UnreadableEventException("Sealed value too short");
        }
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, payload, 0, NONCE_BYTES));
            cipher.updateAAD(boundTo.getBytes(StandardCharsets.UTF_8));
            return cipher.doFinal(payload, NONCE_BYTES, payload.length - NONCE_BYTES);
        } catch (javax.crypto.AEADBadTagException e) {
            throw new UnreadableEventException("Sealed value does not open: altered, bound to another delegate, or "
                    + "wrapped with another DELEGATE_DATA_SECRET", e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("This Java runtime lacks AES-GCM", e);
        }
    }
}
