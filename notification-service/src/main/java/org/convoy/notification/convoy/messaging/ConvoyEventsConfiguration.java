package org.convoy.notification.convoy.messaging;

import java.util.function.Consumer;

import org.convoy.events.ConvoyPublished;
import org.convoy.notification.convoy.ConvoyNames;
import org.convoy.support.inbox.EventConsumers;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;

/** Binding {@code convoyEvents-in-0}: keeps notification's copy of each convoy. */
@Configuration(proxyBeanMethods = false)
class ConvoyEventsConfiguration {

    @Bean
    Consumer<Message<byte[]>> convoyEvents(EventConsumers consumers, ConvoyNames names) {
        return consumers.named("convoy-copies").on(ConvoyPublished.class, names::published).build();
    }
}
