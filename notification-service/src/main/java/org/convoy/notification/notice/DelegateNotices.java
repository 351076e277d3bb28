package org.convoy.notification.notice;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;

import org.convoy.events.DelegateApproved;
import org.convoy.events.DelegatePromoted;
import org.convoy.events.DelegateRejected;
import org.convoy.events.DelegateWithdrawn;
import org.convoy.events.RegistrationLinkIssued;
import org.convoy.notification.contact.domain.Contact;
import org.convoy.notification.convoy.ConvoyNames;
import org.springframework.stereotype.Service;

/**
 * The notices of a registration's life: the personal link with the welcome (saying whether a place is held or the
 * delegate waits) or alone when asked for again; approval; rejection with its reason; promotion from the
 * waitlist; and the confirmation of a withdrawal.
 */
@Service
public class DelegateNotices {

    private static final ZoneId CONVOY_ZONE = ZoneId.of("America/Mexico_City");

    private final NoticeSender notices;
    private final ConvoyNames convoys;
    private final PersonalLinkAddresses links;

    DelegateNotices(NoticeSender notices, ConvoyNames convoys, PersonalLinkAddresses links) {
        this.notices = notices;
        this.convoys = convoys;
        this.links = links;
    }

    public void linkIssued(RegistrationLinkIssued event) {
        boolean requested = RegistrationLinkIssued.REQUESTED.equals(event.reason());
        notices.send(event,
                contact -> requested ? "link-requested"
                        : contact.waitlisted() ? "registration-waitlisted" : "registration-received",
                contact -> new Object[] { contact.givenName(), fullName(contact), convoy(event.convoyId(), contact),
                        links.of(event.delegateId(), event.linkNonce()),
                        DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG)
                                .withLocale(Locale.forLanguageTag(contact.language()))
                                .format(event.expiresAt().atZone(CONVOY_ZONE)) },
                !requested, Outgoing.Importance.CRITICAL);
    }

    public void approved(DelegateApproved event) {
        notices.send(event, contact -> "approved", contact -> basic(contact, event.convoyId()), true,
                Outgoing.Importance.ROUTINE);
    }

    public void rejected(DelegateRejected event) {
        notices.send(event, contact -> "rejected",
                contact -> new Object[] { contact.givenName(), fullName(contact), convoy(event.convoyId(), contact),
                        event.reason() },
                false, Outgoing.Importance.CRITICAL);
    }

    public void promoted(DelegatePromoted event) {
        notices.send(event, contact -> "promoted", contact -> basic(contact, event.convoyId()), true,
                Outgoing.Importance.CRITICAL);
    }

    public void withdrawn(DelegateWithdrawn event) {
        notices.send(event, contact -> "withdrawn", contact -> basic(contact, event.convoyId()), false,
                Outgoing.Importance.ROUTINE);
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
