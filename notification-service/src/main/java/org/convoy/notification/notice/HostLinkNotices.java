package org.convoy.notification.notice;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;

import org.convoy.events.HostLinkIssued;
import org.springframework.stereotype.Service;

/** The email with a host contact's personal link to the host page, in her language, by email only. */
@Service
public class HostLinkNotices {

    private static final ZoneId SHOWN_IN = ZoneId.of("America/Los_Angeles");

    private final NoticeSender notices;
    private final PersonalLinkAddresses links;

    HostLinkNotices(NoticeSender notices, PersonalLinkAddresses links) {
        this.notices = notices;
        this.links = links;
    }

    /** {0} name, {1} name, {2} the host page's address, {3} until when it opens. */
    public void linkIssued(HostLinkIssued event) {
        notices.send(new Outgoing(event, event.contactId(), null, contact -> "host-link",
                contact -> new Object[] { contact.givenName(), contact.fullName(),
                        links.ofHostContact(event.contactId(), event.linkNonce()),
                        DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG)
                                .withLocale(Locale.forLanguageTag(contact.language()))
                                .format(event.expiresAt().atZone(SHOWN_IN)) },
                false, Outgoing.Importance.CRITICAL, null, null, null));
    }
}
