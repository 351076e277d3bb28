package org.convoy.notification.notice.messaging;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;
import java.util.function.Consumer;

import org.convoy.events.DelegateApproved;
import org.convoy.events.DelegateErased;
import org.convoy.events.DelegateLinkOpened;
import org.convoy.events.DelegateRegistered;
import org.convoy.events.DelegateRejected;
import org.convoy.events.DelegatePromoted;
import org.convoy.events.DelegateUpdated;
import org.convoy.events.DelegateWaitlisted;
import org.convoy.events.DelegateWithdrawn;
import org.convoy.events.RegistrationLinkIssued;
import org.convoy.notification.contact.domain.Contact;
import org.convoy.notification.contact.messaging.ContactReadModel;
import org.convoy.notification.deadletter.DeadLetters;
import org.convoy.notification.notice.DelegateNotices;
import org.convoy.notification.notice.ErasedDelegates;
import org.convoy.notification.notice.domain.NoticeLedger;
import org.convoy.support.inbox.EventConsumers;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;

/** Binding {@code delegateEvents-in-0}: keeps contacts current and sends the notices delegate events call for. */
@Configuration(proxyBeanMethods = false)
class DelegateEventsConfiguration {

    @Bean
    Consumer<Message<byte[]>> delegateEvents(EventConsumers consumers, ContactReadModel contacts,
            DelegateNotices welcome, ErasedDelegates erased) {
        return consumers.named("delegate-notices")
                .on(DelegateRegistered.class, contacts::registered)
                .on(DelegateWaitlisted.class, contacts::waitlisted)
                .on(DelegatePromoted.class, event -> {
                    contacts.promoted(event);
                    welcome.promoted(event);
                })
                .on(DelegateApproved.class, event -> {
                    contacts.textsConfirmed(event);
                    welcome.numberConfirmed(event);
                    welcome.approved(event);
                })
                .on(DelegateLinkOpened.class, event -> {
                    contacts.textsConfirmed(event);
                    welcome.numberConfirmed(event);
                })
                .on(DelegateRejected.class, event -> {
                    contacts.departed(event);
                    welcome.rejected(event);
                })
                .on(DelegateWithdrawn.class, event -> {
                    contacts.departed(event);
                    welcome.withdrawn(event);
                })
                .on(RegistrationLinkIssued.class, welcome::linkIssued)
                .on(DelegateUpdated.class, contacts::updated)
                .on(DelegateErased.class, erased::forget)
                .build();
    }
}
