package org.convoy.registration.convoy.messaging;

import java.util.function.Consumer;

import org.convoy.events.ConvoyPublished;
import org.convoy.registration.convoy.ConvoyCatalog;
import org.convoy.support.inbox.EventConsumers;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;

/** Binding {@code convoyEvents-in-0}: keeps registration's copy of each convoy and its places ledger in step. */
@Configuration(proxyBeanMethods = false)
class ConvoyEventsConfiguration {

    @Bean
    Consumer<Message<byte[]>> convoyEvents(EventConsumers consumers, ConvoyCatalog catalog) {
        return consumers.named("convoy-definitions").on(ConvoyPublished.class, catalog::published).build();
    }
}
