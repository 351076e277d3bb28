package org.convoy.notification.notice;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;

import org.convoy.events.DelegateErased;
import org.convoy.notification.contact.domain.Contact;
import org.convoy.notification.contact.messaging.ContactReadModel;
import org.convoy.notification.deadletter.DeadLetters;
import org.convoy.notification.notice.domain.NoticeLedger;
import org.convoy.notification.notice.channel.Channels;
import org.springframework.stereotype.Service;

/**
 * An erased delegate leaves nothing readable in notification: the contact goes, the delivery log keeps that notices
 * were sent but not to whom or what, what each channel keeps about them goes (messages kept by local adapters, the
 * count of messages to their number this hour), and dead letters about them lose their payload and error text.
 */
@Service
public class ErasedDelegates {

    private final ContactReadModel contacts;
    private final NoticeLedger ledger;
    private final DeadLetters deadLetters;
    private final Channels channels;
    private final Clock clock;

    ErasedDelegates(ContactReadModel contacts, NoticeLedger ledger, DeadLetters deadLetters,
            Channels channels, Clock clock) {
        this.contacts = contacts;
        this.ledger = ledger;
        this.deadLetters = deadLetters;
        this.channels = channels;
        this.clock = clock;
    }

    public void forget(DelegateErased event) {
        Optional<Contact> forgotten = contacts.erased(event);
        ledger.forget(event.delegateId(), clock.instant());
        List<String> namesThem = new ArrayList<>(List.of(event.delegateId().toString()));
        forgotten.ifPresent(contact -> {
            namesThem.addAll(Stream.of(contact.email(), contact.phone()).filter(Objects::nonNull).toList());
            channels.all().forEach(channel -> channel.forget(contact));
        });
        deadLetters.forget(event.delegateId(), namesThem);
    }
}
