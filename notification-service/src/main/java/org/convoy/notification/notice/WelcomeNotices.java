package org.convoy.notification.notice;

import java.time.Clock;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;
import java.util.Optional;

import org.convoy.events.RegistrationLinkIssued;
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
 * Emails a delegate their personal link, in their language: with the welcome when they registered (saying
 * whether a place is held or they wait), or alone when they asked for it again.
 */
@Service
public class WelcomeNotices {

    private static final Logger log = LoggerFactory.getLogger(WelcomeNotices.class);
    private static final ZoneId CONVOY_ZONE = ZoneId.of("America/Mexico_City");

    private final NoticeLedger ledger;
    private final ContactRepository contacts;
    private final EmailChannel email;
    private final SmsProvider sms;
    private final MessageSource messages;
    private final Clock clock;

    WelcomeNotices(NoticeLedger ledger, ContactRepository contacts, EmailChannel email, SmsProvider sms,
            MessageSource messages, Clock clock) {
        this.ledger = ledger;
        this.contacts = contacts;
        this.email = email;
        this.sms = sms;
        this.messages = messages;
        this.clock = clock;
    }

    public void linkIssued(RegistrationLinkIssued event) {
        Optional<Contact> found = contacts.findById(event.delegateId());
        if (found.isEmpty()) {
            log.atWarn().addKeyValue("delegateId", event.delegateId()).log("No contact for a personal link; not sent");
            return;
        }
        Contact contact = found.get();
        String kind = RegistrationLinkIssued.REQUESTED.equals(event.reason()) ? "link-requested"
                : contact.waitlisted() ? "registration-waitlisted" : "registration-received";
        var claimed = ledger.claim(event.eventId(), "RegistrationLinkIssued", event.delegateId(), Notice.Channel.EMAIL,
                kind.toUpperCase(Locale.ROOT).replace('-', '_'), clock.instant());
        if (claimed.isEmpty()) {
            log.atInfo().addKeyValue("eventId", event.eventId()).addKeyValue("delegateId", event.delegateId())
                    .log("Email already sent for this event; not sending again");
            return;
        }
        Locale locale = Locale.forLanguageTag(contact.language());
        String expires = DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(locale)
                .format(event.expiresAt().atZone(CONVOY_ZONE));
        Object[] args = { contact.givenName(), contact.givenName() + " " + contact.familyName(), event.convoyId(),
                event.link(), expires };
        try {
            email.send(contact.email(), messages.getMessage(kind + ".subject", args, locale),
                    messages.getMessage(kind + ".body", args, locale));
        } catch (MailException e) {
            ledger.failed(claimed.get(), e.getMessage());
            throw e;
        }
        ledger.sent(claimed.get(), clock.instant());
        log.atInfo().addKeyValue("eventId", event.eventId()).addKeyValue("delegateId", event.delegateId())
                .addKeyValue("kind", kind).log("Email sent");
        if (!RegistrationLinkIssued.REQUESTED.equals(event.reason())) {
            textMessage(event, contact, kind, args, locale);
        }
    }

    /** The short SMS version, for delegates who chose SMS and gave a mobile number; the link stays in the email. */
    private void textMessage(RegistrationLinkIssued event, Contact contact, String kind, Object[] args, Locale locale) {
        if (contact.phone() == null || contact.channels() == null
                || !contact.channels().contains(Notice.Channel.SMS.name())) {
            return;
        }
        var claimed = ledger.claim(event.eventId(), "RegistrationLinkIssued", event.delegateId(), Notice.Channel.SMS,
                kind.toUpperCase(Locale.ROOT).replace('-', '_'), clock.instant());
        if (claimed.isEmpty()) {
            return;
        }
        try {
            sms.send(contact.phone(), messages.getMessage(kind + ".sms", args, locale));
        } catch (SmsProvider.PermanentSmsFailure e) {
            ledger.failed(claimed.get(), e.getMessage());
            log.atWarn().addKeyValue("delegateId", event.delegateId()).log("SMS refused by the provider; not retried");
            return;
        } catch (SmsProvider.TransientSmsFailure e) {
            ledger.failed(claimed.get(), e.getMessage());
            throw e;
        }
        ledger.sent(claimed.get(), clock.instant());
    }
}
