package org.convoy.notification.notice.whatsapp;

import java.time.Clock;

import io.micrometer.core.instrument.MeterRegistry;
import org.convoy.notification.notice.NoticeDispatcher;
import org.convoy.notification.notice.phone.PhoneBudget;
import org.convoy.support.sms.TextDestinations;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.core.MongoOperations;

/**
 * The WhatsApp channel, with the provider adapter chosen by configuration
 * ({@code convoy.notification.whatsapp.provider}), its templates and its limits.
 */
@Configuration(proxyBeanMethods = false)
class WhatsAppConfiguration {

    private static final String PROVIDER = "convoy.notification.whatsapp.provider";

    @Bean
    WhatsAppChannel whatsAppChannel(WhatsAppProvider provider, MessageSource messages, WhatsAppProperties properties,
            MongoOperations mongo, MeterRegistry meters, Clock clock) {
        return new WhatsAppChannel(provider, messages,
                new TextDestinations(properties.allowedPrefixes(), properties.refusedPrefixes()),
                new PhoneBudget(WhatsAppChannel.NAME, properties.perNumberPerHour(), properties.platformPerHour(),
                        mongo, meters, clock));
    }

    @Bean
    @ConditionalOnProperty(name = PROVIDER, havingValue = "twilio")
    WhatsAppProvider twilioWhatsAppProvider(WhatsAppProperties properties) {
        if (!properties.twilio().complete()) {
            throw new IllegalStateException("WhatsApp provider twilio needs WHATSAPP_TWILIO_ACCOUNT_SID, "
                    + "WHATSAPP_TWILIO_AUTH_TOKEN and WHATSAPP_FROM");
        }
        return new TwilioCompatibleWhatsAppProvider(properties);
    }

    @Bean
    @ConditionalOnProperty(name = PROVIDER, havingValue = "twilio")
    StatusReports whatsAppStatusReports(WhatsAppProperties properties, NoticeDispatcher notices) {
        return new StatusReports(properties, notices);
    }

    @Bean
    @ConditionalOnProperty(name = PROVIDER, havingValue = "local", matchIfMissing = true)
    LocalWhatsAppProvider localWhatsAppProvider(MongoOperations mongo, Clock clock, WhatsAppProperties properties) {
        return new LocalWhatsAppProvider(mongo, clock, properties.templates());
    }
}
