package org.convoy.notification.notice.phone;

import java.time.Duration;

import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * An account at a Twilio-compatible Messages API, as a phone channel's configuration gives it.
 *
 * @param baseUrl    the API's root
 * @param accountSid the account, also the user of the Basic credentials
 * @param authToken  its password
 * @param from       the sender's number in E.164 (for WhatsApp without {@code whatsapp:})
 */
public record TwilioAccount(
        @DefaultValue("https://api.twilio.com") String baseUrl,
        String accountSid,
        String authToken,
        String from,
        @NotNull @DefaultValue("10s") Duration timeout) {

    /** Whether the account, its token and its sender are all given. */
    public boolean complete() {
        return !blank(accountSid) && !blank(authToken) && !blank(from);
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
