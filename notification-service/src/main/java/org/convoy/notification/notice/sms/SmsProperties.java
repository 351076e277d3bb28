package org.convoy.notification.notice.sms;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;

import org.convoy.notification.notice.phone.TwilioAccount;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * @param provider {@code local} (texts kept for reading, the default) or {@code twilio} (any Twilio-compatible API)
 */
@Validated
@ConfigurationProperties("convoy.notification.sms")
public record SmsProperties(@NotNull @DefaultValue("local") Provider provider,
        @Valid @DefaultValue TwilioAccount twilio) {

    public enum Provider { local, twilio }
}
