package org.convoy.notification.notice.whatsapp;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.Map;
import java.util.TreeMap;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.convoy.notification.notice.NoticeDispatcher;

/**
 * What the WhatsApp provider reports about a message after taking it, at the status callback: a message that failed
 * or was not delivered fails its notice for good, which then falls back to SMS; other statuses (queued, sent,
 * delivered, read) change nothing. A report counts only when signed as Twilio signs it: {@code X-Twilio-Signature}
 * is the Base64 HMAC-SHA1, under the account's token, of the callback's address followed by each form field's name
 * and value in the order of their names.
 */
public class StatusReports {

    private final String callbackUrl;
    private final byte[] token;
    private final NoticeDispatcher notices;

    StatusReports(WhatsAppProperties properties, NoticeDispatcher notices) {
        this.callbackUrl = properties.statusCallbackUrl();
        this.token = properties.twilio().authToken().getBytes(StandardCharsets.UTF_8);
        this.notices = notices;
    }

    /** @return whether the report is signed with the account's token, for the callback's address */
    public boolean signed(Map<String, String> form, String signature) {
        if (signature == null || callbackUrl == null) {
            return false;
        }
        StringBuilder data = new StringBuilder(callbackUrl);
        new TreeMap<>(form).forEach((name, value) -> data.append(name).append(value));
        byte[] expected = Base64.getEncoder().encode(hmac(data.toString()));
        return MessageDigest.isEqual(expected, signature.getBytes(StandardCharsets.UTF_8));
    }

    /** Acts on a signed report. */
    public void report(Map<String, String> form) {
        String status = form.getOrDefault("MessageStatus", "");
        String sid = form.get("MessageSid");
        if (sid != null && ("failed".equals(status) || "undelivered".equals(status))) {
            notices.undelivered(WhatsAppChannel.NAME, sid, "WhatsApp could not deliver it (" + status + ", error "
                    + form.getOrDefault("ErrorCode", "?") + (form.containsKey("ErrorMessage") ? ": "
                            + form.get("ErrorMessage") : "") + ")");
        }
    }

    private byte[] hmac(String data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA1");
            mac.init(new SecretKeySpec(token, "HmacSHA1"));
            return mac.doFinal(data.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HMAC-SHA1 is not available", e);
        }
    }
}
