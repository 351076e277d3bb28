package org.convoy.notification.notice.sms;

import java.time.Duration;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * @param provider {@code local} (texts kept for reading, the default) or {@code twilio} (any Twilio-compatible API)
 */
@Validated
@ConfigurationProperties("convoy.notification.sms")
public record SmsProperties(@NotNull @DefaultValue("local") Provider provider, @Valid @DefaultValue Twilio twilio) {

    public enum Provider { local, twilio }

    public record Twilio(
            @DefaultValue("https://api.twilio.com") String baseUrl,
            String accountSid,
            String authToken,
            String from,
            @NotNull @DefaultValue("10s") Duration timeout) {
    }
}
