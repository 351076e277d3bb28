package org.convoy.support.links;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * What an attendee holds for one meeting, signed with the link secret ({@code REGISTRATION_LINK_SECRET}, which
 * scheduling, registration and notification share): {@code <purpose>.<meetingId>.<attendeeId>.<HMAC-SHA256>}. A
 * check-in pass ({@code k1}) is what the QR code on her page and in her confirmation email carries, with a short code
 * of {@value #CODE_LENGTH} characters from the same MAC that a desk can type; a survey pass ({@code f1}) opens her
 * feedback on that meeting. Neither opens anything else: not her personal page, nor another meeting.
 */
public final class AttendeePasses {

    /** The characters of a short code: Crockford's base 32, no I, L, O or U to misread. */
    private static final String ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
    public static final int CODE_LENGTH = 8;
    private static final String CHECK_IN = "k1";
    private static final String SURVEY = "f1";

    private final SecretKeySpec key;

    public AttendeePasses(String secret) {
        this.key = new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256");
    }

    /** Whom a genuine pass speaks for, at which meeting. */
    public record Holder(UUID meetingId, UUID attendeeId) {
    }

    /** The check-in pass of an attendee for a meeting: what its QR code carries. */
    public String checkIn(UUID meetingId, UUID attendeeId) {
        return token(CHECK_IN, meetingId, attendeeId);
    }

    /** The short code of that pass, to type when there is no camera, written {@code ABCD-EFGH}. */
    public String shortCode(UUID meetingId, UUID attendeeId) {
        byte[] mac = mac(CHECK_IN + "|" + meetingId + "|" + attendeeId);
        long bits = 0;
        for (int i = 0; i < 5; i++) {
            bits = (bits << 8) | (mac[i] & 0xff);
        }
        StringBuilder code = new StringBuilder();
        for (int i = CODE_LENGTH - 1; i >= 0; i--) {
            code.append(ALPHABET.charAt((int) (bits >>> (5 * i)) & 31));
        }
        return code.substring(0, 4) + "-" + code.substring(4);
    }

    /** A typed code as it is compared: upper case, without spaces and dashes, O read as 0 and I or L as 1. */
    public static String normalizeCode(String typed) {
        if (typed == null) {
            return "";
        }
        String code = typed.strip().toUpperCase(Locale.ROOT).replace("-", "").replace(" ", "")
                .replace('O', '0').replace('I', '1').replace('L', '1');
        return code.length() == CODE_LENGTH ? code.substring(0, 4) + "-" + code.substring(4) : code;
    }

    /** The holder of a check-in pass, if it is genuine. */
    public Optional<Holder> verifyCheckIn(String token) {
        return verify(CHECK_IN, token);
    }

    /** The survey pass of an attendee for a meeting: the key in the link of her feedback email. */
    public String survey(UUID meetingId, UUID attendeeId) {
        return token(SURVEY, meetingId, attendeeId);
    }

    /** The holder of a survey pass, if it is genuine. */
    public Optional<Holder> verifySurvey(String token) {
        return verify(SURVEY, token);
    }

    private String token(String purpose, UUID meetingId, UUID attendeeId) {
        String payload = purpose + "." + meetingId + "." + attendeeId;
        return payload + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(mac(payload));
    }

    private Optional<Holder> verify(String purpose, String token) {
        if (token == null) {
            return Optional.empty();
        }
        String[] parts = token.strip().split("\\.", -1);
        if (parts.length != 4 || !purpose.equals(parts[0])) {
            return Optional.empty();
        }
        try {
            Holder holder = new Holder(UUID.fromString(parts[1]), UUID.fromString(parts[2]));
            String expected = token(purpose, holder.meetingId(), holder.attendeeId());
            return MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII),
                    token.strip().getBytes(StandardCharsets.US_ASCII)) ? Optional.of(holder) : Optional.empty();
        } catch (IllegalArgumentException notAnId) {
            return Optional.empty();
        }
    }

    private byte[] mac(String payload) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return mac.doFinal(payload.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }
}
