package org.convoy.notification.notice.messaging;

import java.util.function.Consumer;

import org.convoy.events.HostContactsChanged;
import org.convoy.events.HostLinkIssued;
import org.convoy.notification.contact.messaging.ContactReadModel;
import org.convoy.notification.notice.HostLinkNotices;
import org.convoy.support.inbox.EventConsumers;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;

/**
 * Binding {@code hostEvents-in-0}: keeps hosts' contacts, and emails a host contact the personal link an organizer
 * sent her. Hosts' answers about visits are for organizers, in scheduling: skipped here.
 */
@Configuration(proxyBeanMethods = false)
class HostEventsConfiguration {

    @Bean
    Consumer<Message<byte[]>> hostEvents(EventConsumers consumers, ContactReadModel contacts, HostLinkNotices links) {
        return consumers.named("host-contacts")
                .on(HostContactsChanged.class, contacts::hostContactsChanged)
                .on(HostLinkIssued.class, links::linkIssued)
                .build();
    }
}
