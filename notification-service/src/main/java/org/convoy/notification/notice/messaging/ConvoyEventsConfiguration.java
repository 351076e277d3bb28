package org.convoy.notification.notice.messaging;

import java.util.function.Consumer;

import org.convoy.events.ConvoyDatesChanged;
import org.convoy.events.ConvoyPublished;
import org.convoy.notification.convoy.ConvoyNames;
import org.convoy.notification.notice.ConvoyNotices;
import org.convoy.support.inbox.EventConsumers;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;

/**
 * Binding {@code convoyEvents-in-0}: keeps notification's copy of each convoy, and tells a convoy's delegates when
 * its dates move.
 */
@Configuration(proxyBeanMethods = false)
class ConvoyEventsConfiguration {

    @Bean
    Consumer<Message<byte[]>> convoyEvents(EventConsumers consumers, ConvoyNames names, ConvoyNotices notices) {
        return consumers.named("convoy-copies")
                .on(ConvoyPublished.class, names::published)
                .on(ConvoyDatesChanged.class, notices::datesChanged)
                .build();
    }
}
