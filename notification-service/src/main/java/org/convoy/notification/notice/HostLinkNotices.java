package org.convoy.notification.notice;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;

import org.convoy.events.HostLinkIssued;
import org.convoy.notification.contact.Recipients;
import org.convoy.notification.notice.channel.Content;
import org.springframework.stereotype.Service;

/** The email with a host contact's personal link to the host page, in her language, by email only. */
@Service
public class HostLinkNotices {

    private static final ZoneId SHOWN_IN = ZoneId.of("America/Los_Angeles");

    private final NoticeDispatcher notices;
    private final Recipients recipients;
    private final PersonalLinkAddresses links;

    HostLinkNotices(NoticeDispatcher notices, Recipients recipients, PersonalLinkAddresses links) {
        this.notices = notices;
        this.recipients = recipients;
        this.links = links;
    }

    /** {0} name, {1} name, {2} the host page's address, {3} until when it opens. */
    public void linkIssued(HostLinkIssued event) {
        Recipients.Found to = recipients.find(event, event.contactId());
        notices.send(to.known().stream().map(contact -> new Outgoing(event, contact, null, new Content("host-link",
                contact.givenName(), contact.fullName(), links.ofHostContact(event.contactId(), event.linkNonce()),
                DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG)
                        .withLocale(Locale.forLanguageTag(contact.language()))
                        .format(event.expiresAt().atZone(SHOWN_IN))), Outgoing.Importance.CRITICAL, null)).toList());
        to.requireAll(null);
    }
}
