package org.convoy.notification.notice.sms;

import java.time.Clock;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.core.MongoOperations;

/** Chooses the SMS provider adapter from configuration. */
@Configuration(proxyBeanMethods = false)
class SmsConfiguration {

    @Bean
    SmsProvider smsProvider(SmsProperties properties, MongoOperations mongo, Clock clock) {
        if (properties.provider() == SmsProperties.Provider.twilio) {
            var twilio = properties.twilio();
            if (blank(twilio.accountSid()) || blank(twilio.authToken()) || blank(twilio.from())) {
                throw new IllegalStateException("SMS provider twilio needs SMS_TWILIO_ACCOUNT_SID, SMS_TWILIO_AUTH_TOKEN "
                        + "and SMS_FROM");
            }
            return new TwilioCompatibleSmsProvider(twilio);
        }
        return new LocalSmsProvider(mongo, clock);
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
