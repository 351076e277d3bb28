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
    private final RetryProperties retry;
    private final Clock clock;

    NoticeSender(NoticeLedger ledger, ContactRepository contacts, EmailChannel email, SmsProvider sms,
            MessageSource messages, MeterRegistry meters, RetryProperties retry, Clock clock) {
        this.ledger = ledger;
        this.contacts = contacts;
        this.email = email;
        this.sms = sms;
        this.messages = messages;
        this.meters = meters;
        this.retry = retry;
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
            deliver(event, Notice.Channel.EMAIL, chosen, new Notice.Message(contact.email(),
                    messages.getMessage(chosen + ".subject", values, locale),
                    messages.getMessage(chosen + ".body", values, locale)));
        }
        if (bySms && contact.phone() != null && contact.channels() != null
                && contact.channels().contains(Notice.Channel.SMS.name())) {
            deliver(event, Notice.Channel.SMS, chosen,
                    new Notice.Message(contact.phone(), "", messages.getMessage(chosen + ".sms", values, locale)));
        }
    }

    private void deliver(DelegateEvent event, Notice.Channel channel, String kind, Notice.Message message) {
        var claimed = ledger.claim(event.eventId(), event.getClass().getSimpleName(), event.delegateId(), channel,
                kind.toUpperCase(Locale.ROOT).replace('-', '_'), message, clock.instant());
        if (claimed.isEmpty()) {
            count(channel, kind, "duplicate");
            log.atInfo().addKeyValue("eventId", event.eventId()).addKeyValue("channel", channel)
                    .log("Notice already recorded for this event; not sending again");
            return;
        }
        if (attempt(claimed.get())) {
            Timer.builder("convoy.notification.latency").tag("channel", channel.name())
                    .description("From the event to the notice handed to the provider").register(meters)
                    .record(Duration.between(event.occurredAt(), clock.instant()));
        }
    }

    /**
     * Sends a claimed notice once. When the channel is down the notice is scheduled again with a growing delay
     * (and given up as DEAD after the last attempt); a permanent refusal is recorded as FAILED. Never throws for a
     * channel failure, so the event that caused the notice is not redelivered.
     *
     * @return whether it was sent
     */
    boolean attempt(Notice notice) {
        String kind = notice.kind().toLowerCase(Locale.ROOT).replace('_', '-');
        try {
            if (notice.channel() == Notice.Channel.EMAIL) {
                email.send(notice.message().to(), notice.message().subject(), notice.message().text());
            } else {
                sms.send(notice.message().to(), notice.message().text());
            }
        } catch (SmsProvider.PermanentSmsFailure e) {
            ledger.failed(notice, e.getMessage());
            count(notice.channel(), kind, "failed");
            log.atWarn().addKeyValue("noticeId", notice.id()).log("Notice refused by the provider; not retried");
            return false;
        } catch (MailException | SmsProvider.TransientSmsFailure e) {
            if (notice.attempts() >= retry.maxAttempts()) {
                ledger.dead(notice, e.getMessage());
                count(notice.channel(), kind, "dead");
                log.atError().addKeyValue("noticeId", notice.id()).addKeyValue("attempts", notice.attempts())
                        .log("Notice given up after its last attempt");
            } else {
                Duration delay = retry.delayAfter(notice.attempts());
                if (e instanceof SmsProvider.TransientSmsFailure sms && sms.retryAfter() != null
                        && sms.retryAfter().compareTo(delay) > 0) {
                    delay = sms.retryAfter();
                }
                ledger.retryLater(notice, e.getMessage(), clock.instant().plus(delay));
                count(notice.channel(), kind, "retried");
                log.atWarn().addKeyValue("noticeId", notice.id()).addKeyValue("attempts", notice.attempts())
                        .addKeyValue("retryIn", delay).log("Channel unavailable; notice will be tried again");
            }
            return false;
        }
        ledger.sent(notice, clock.instant());
        count(notice.channel(), kind, "sent");
        log.atInfo().addKeyValue("noticeId", notice.id()).addKeyValue("delegateId", notice.delegateId())
                .addKeyValue("attempts", notice.attempts()).log("Notice sent");
        return true;
    }

    private void count(Notice.Channel channel, String kind, String outcome) {
        Counter.builder("convoy.notification.notices").tag("channel", channel.name()).tag("kind", kind)
                .tag("outcome", outcome).register(meters).increment();
    }
}
