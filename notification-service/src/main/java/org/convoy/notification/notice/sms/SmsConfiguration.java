package org.convoy.notification.notice.sms;

import java.time.Clock;

import io.micrometer.core.instrument.MeterRegistry;
import org.convoy.notification.notice.phone.PhoneBudget;
import org.convoy.support.sms.TextDestinations;
import org.convoy.support.sms.TextingProperties;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.core.MongoOperations;

/**
 * The SMS channel, with the provider adapter chosen by configuration ({@code convoy.notification.sms.provider}) and its
 * limits ({@code convoy.sms.*}: destinations and hourly budgets).
 */
@Configuration(proxyBeanMethods = false)
class SmsConfiguration {

    private static final String PROVIDER = "convoy.notification.sms.provider";

    @Bean
    SmsChannel smsChannel(SmsProvider provider, MessageSource messages, TextDestinations destinations,
            TextingProperties limits, MongoOperations mongo, MeterRegistry meters, Clock clock) {
        return new SmsChannel(provider, messages, destinations, new PhoneBudget(SmsChannel.NAME,
                limits.perNumberPerHour(), limits.platformPerHour(), mongo, meters, clock));
    }

    @Bean
    @ConditionalOnProperty(name = PROVIDER, havingValue = "twilio")
    SmsProvider twilioSmsProvider(SmsProperties properties) {
        var twilio = properties.twilio();
        if (!twilio.complete()) {
            throw new IllegalStateException("SMS provider twilio needs SMS_TWILIO_ACCOUNT_SID, SMS_TWILIO_AUTH_TOKEN "
                    + "and SMS_FROM");
        }
        return new TwilioCompatibleSmsProvider(twilio);
    }

    @Bean
    @ConditionalOnProperty(name = PROVIDER, havingValue = "local", matchIfMissing = true)
    LocalSmsProvider localSmsProvider(MongoOperations mongo, Clock clock) {
        return new LocalSmsProvider(mongo, clock);
    }
}
