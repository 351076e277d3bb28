package org.convoy.notification.notice;

import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.convoy.events.DelegateEvent;
import org.convoy.notification.contact.domain.Contact;
import org.convoy.notification.contact.domain.ContactRepository;
import org.convoy.notification.notice.domain.Notice;
import org.convoy.notification.notice.domain.NoticeLedger;
import org.convoy.notification.notice.mail.EmailChannel;
import org.convoy.notification.notice.sms.SmsProvider;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.mail.MailException;
import org.springframework.stereotype.Service;

/**
 * Sends one notice about one delegate event, in the delegate's language, by email and, when they chose SMS and
 * gave a mobile number, by text. Each (event, delegate, channel) is claimed in the ledger before it is sent, so a
 * redelivered event sends nothing twice. Texts come from {@code messages*.properties}: {@code <kind>.subject},
 * {@code <kind>.body} and {@code <kind>.sms}.
 */
@Service
public class NoticeSender {

    private static final Logger log = LoggerFactory.getLogger(NoticeSender.class);

    private final NoticeLedger ledger;
    private final ContactRepository contacts;
    private final EmailChannel email;
    private final SmsProvider sms;
    private final MessageSource messages;
    private final MeterRegistry meters;
    private final Clock clock;

    NoticeSender(NoticeLedger ledger, ContactRepository contacts, EmailChannel email, SmsProvider sms,
            MessageSource messages, MeterRegistry meters, Clock clock) {
        this.ledger = ledger;
        this.contacts = contacts;
        this.email = email;
        this.sms = sms;
        this.messages = messages;
        this.meters = meters;
        this.clock = clock;
    }

    /**
     * @param kind  which texts, chosen from the delegate's contact (e.g. waitlisted or not)
     * @param args  the values the texts show, {@code {0}} onwards
     * @param bySms whether this notice also goes out as a text to delegates who chose SMS
     */
    public void send(DelegateEvent event, Function<Contact, String> kind, Function<Contact, Object[]> args, boolean bySms) {
        Optional<Contact> found = contacts.findById(event.delegateId());
        if (found.isEmpty()) {
            log.atWarn().addKeyValue("delegateId", event.delegateId()).addKeyValue("eventId", event.eventId())
                    .log("No contact for this delegate; notice not sent");
            return;
        }
        Contact contact = found.get();
        String chosen = kind.apply(contact);
        Locale locale = Locale.forLanguageTag(contact.language());
        Object[] values = args.apply(contact);
        if (contact.email() != null) {
            deliver(event, Notice.Channel.EMAIL, chosen, () -> email.send(contact.email(),
                    messages.getMessage(chosen + ".subject", values, locale),
                    messages.getMessage(chosen + ".body", values, locale)));
        }
        if (bySms && contact.phone() != null && contact.channels() != null
                && contact.channels().contains(Notice.Channel.SMS.name())) {
            deliver(event, Notice.Channel.SMS, chosen,
                    () -> sms.send(contact.phone(), messages.getMessage(chosen + ".sms", values, locale)));
        }
    }

    private void deliver(DelegateEvent event, Notice.Channel channel, String kind, Runnable sending) {
        String type = event.getClass().getSimpleName();
        var claimed = ledger.claim(event.eventId(), type, event.delegateId(), channel,
                kind.toUpperCase(Locale.ROOT).replace('-', '_'), clock.instant());
        if (claimed.isEmpty()) {
            count(channel, kind, "duplicate");
            log.atInfo().addKeyValue("eventId", event.eventId()).addKeyValue("channel", channel)
                    .log("Notice already sent for this event; not sending again");
            return;
        }
        try {
            sending.run();
        } catch (SmsProvider.PermanentSmsFailure e) {
            ledger.failed(claimed.get(), e.getMessage());
            count(channel, kind, "failed");
            log.atWarn().addKeyValue("delegateId", event.delegateId()).log("SMS refused by the provider; not retried");
            return;
        } catch (MailException | SmsProvider.TransientSmsFailure e) {
            ledger.failed(claimed.get(), e.getMessage());
            count(channel, kind, "retried");
            throw e;
        }
        ledger.sent(claimed.get(), clock.instant());
        count(channel, kind, "sent");
        Timer.builder("convoy.notification.latency").tag("channel", channel.name())
                .description("From the event to the notice handed to the provider").register(meters)
                .record(Duration.between(event.occurredAt(), clock.instant()));
        log.atInfo().addKeyValue("eventId", event.eventId()).addKeyValue("delegateId", event.delegateId())
                .addKeyValue("channel", channel).addKeyValue("kind", kind).log("Notice sent");
    }

    private void count(Notice.Channel channel, String kind, String outcome) {
        Counter.builder("convoy.notification.notices").tag("channel", channel.name()).tag("kind", kind)
                .tag("outcome", outcome).register(meters).increment();
    }
}
