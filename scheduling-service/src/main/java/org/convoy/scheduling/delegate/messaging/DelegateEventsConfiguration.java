package org.convoy.scheduling.delegate.messaging;

import java.util.function.Consumer;

import org.convoy.events.DelegateApproved;
import org.convoy.events.DelegateErased;
import org.convoy.events.DelegatePromoted;
import org.convoy.events.DelegateRegistered;
import org.convoy.events.DelegateRejected;
import org.convoy.events.DelegateUpdated;
import org.convoy.events.DelegateWaitlisted;
import org.convoy.events.DelegateWithdrawn;
import org.convoy.support.inbox.EventConsumers;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;

/** Binding {@code delegateEvents-in-0}: the delegate stream feeds scheduling's delegate read model. */
@Configuration(proxyBeanMethods = false)
class DelegateEventsConfiguration {

    @Bean
    Consumer<Message<byte[]>> delegateEvents(EventConsumers consumers, DelegateReadModel readModel) {
        return consumers.named("delegate-read-model")
                .on(DelegateRegistered.class, readModel::registered)
                .on(DelegateUpdated.class, readModel::updated)
                .on(DelegateWaitlisted.class, readModel::waitlisted)
                .on(DelegatePromoted.class, readModel::promoted)
                .on(DelegateApproved.class, readModel::approved)
                .on(DelegateRejected.class, readModel::rejected)
                .on(DelegateWithdrawn.class, readModel::withdrawn)
                .on(DelegateErased.class, readModel::erased)
                .build();
    }
}
