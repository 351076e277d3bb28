package org.convoy.notification.notice;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;

import java.util.function.Function;

import org.convoy.events.DelegateApproved;
import org.convoy.events.DelegateEvent;
import org.convoy.events.DelegatePromoted;
import org.convoy.events.DelegateRejected;
import org.convoy.events.DelegateWithdrawn;
import org.convoy.events.RegistrationLinkIssued;
import org.convoy.notification.contact.Recipients;
import org.convoy.notification.contact.domain.Contact;
import org.convoy.notification.convoy.ConvoyNames;
import org.convoy.notification.notice.channel.Content;
import org.springframework.stereotype.Service;

/**
 * The notices of a registration's life: the personal link with the welcome (saying whether a place is held or the
 * delegate waits) or alone when asked for again; approval; rejection with its reason; promotion from the
 * waitlist; and the confirmation of a withdrawal.
 */
@Service
public class DelegateNotices {

    private static final ZoneId CONVOY_ZONE = ZoneId.of("America/Mexico_City");

    private final NoticeDispatcher notices;
    private final Recipients recipients;
    private final ConvoyNames convoys;
    private final PersonalLinkAddresses links;

    DelegateNotices(NoticeDispatcher notices, Recipients recipients, ConvoyNames convoys, PersonalLinkAddresses links) {
        this.notices = notices;
        this.recipients = recipients;
        this.convoys = convoys;
        this.links = links;
    }

    /** {0} given name, {1} full name, {2} convoy, {3} personal link, {4} until when it opens. */
    public void linkIssued(RegistrationLinkIssued event) {
        boolean requested = RegistrationLinkIssued.REQUESTED.equals(event.reason());
        send(event, Outgoing.Importance.CRITICAL, contact -> new Content(requested ? "link-requested"
                : contact.waitlisted() ? "registration-waitlisted" : "registration-received",
                contact.givenName(), fullName(contact), convoy(event.convoyId(), contact),
                links.of(event.delegateId(), event.linkNonce()), DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG)
                        .withLocale(Locale.forLanguageTag(contact.language()))
                        .format(event.expiresAt().atZone(CONVOY_ZONE))));
    }

    public void approved(DelegateApproved event) {
        send(event, Outgoing.Importance.ROUTINE, contact -> new Content("approved", basic(contact, event.convoyId())));
    }

    public void rejected(DelegateRejected event) {
        send(event, Outgoing.Importance.CRITICAL, contact -> new Content("rejected", contact.givenName(),
                fullName(contact), convoy(event.convoyId(), contact), event.reason()));
    }

    public void promoted(DelegatePromoted event) {
        send(event, Outgoing.Importance.CRITICAL, contact -> new Content("promoted", basic(contact, event.convoyId())));
    }

    public void withdrawn(DelegateWithdrawn event) {
        send(event, Outgoing.Importance.ROUTINE, contact -> new Content("withdrawn", basic(contact, event.convoyId())));
    }

    /** She confirmed her number (opened her link, or was approved): what waited for it goes out now. */
    public void numberConfirmed(DelegateEvent event) {
        notices.numberConfirmed(event.delegateId());
    }

    /**
     * Composes the notice for the delegate of the event, if notification knows her, and sends it.
     *
     * @throws org.convoy.notification.deadletter.ContactNotKnownYet when it does not (yet)
     */
    private void send(DelegateEvent event, Outgoing.Importance importance, Function<Contact, Content> content) {
        Recipients.Found to = recipients.find(event, event.delegateId());
        notices.send(to.known().stream()
                .map(contact -> new Outgoing(event, contact, null, content.apply(contact), importance, null)).toList());
        to.requireAll(null);
    }

    private Object[] basic(Contact contact, String convoyId) {
        return new Object[] { contact.givenName(), fullName(contact), convoy(convoyId, contact) };
    }

    /** The convoy by its name in the delegate's language. */
    private String convoy(String convoyId, Contact contact) {
        return convoys.of(convoyId, contact.language());
    }

    private static String fullName(Contact contact) {
        return contact.givenName() + " " + contact.familyName();
    }
}
