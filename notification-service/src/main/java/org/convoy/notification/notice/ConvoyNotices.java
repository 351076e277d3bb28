package org.convoy.notification.notice;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.convoy.events.ConvoyDatesChanged;
import org.convoy.notification.contact.domain.Contact;
import org.convoy.notification.contact.domain.ContactRepository;
import org.convoy.notification.convoy.ConvoyNames;
import org.convoy.notification.notice.channel.Content;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Notices about a convoy as a whole: when organizers move its dates, every delegate still taking part hears of it,
 * in her language, with the convoy named and the new dates. Sent once per delegate and channel, like every notice.
 */
@Service
public class ConvoyNotices {

    private static final Logger log = LoggerFactory.getLogger(ConvoyNotices.class);

    private final NoticeDispatcher notices;
    private final ContactRepository contacts;
    private final ConvoyNames convoys;

    ConvoyNotices(NoticeDispatcher notices, ContactRepository contacts, ConvoyNames convoys) {
        this.notices = notices;
        this.contacts = contacts;
        this.convoys = convoys;
    }

    public void datesChanged(ConvoyDatesChanged event) {
        var affected = contacts.findByConvoyIdAndDepartedFalse(event.convoyId());
        List<Outgoing> each = new ArrayList<>();
        for (Contact contact : affected) {
            each.add(new Outgoing(event, contact, null, new Content("convoy-dates-changed", contact.givenName(),
                    contact.fullName(), convoys.of(event.convoyId(), contact.language()),
                    date(event.startsOn(), contact), date(event.endsOn(), contact),
                    date(event.previousStartsOn(), contact), date(event.previousEndsOn(), contact)),
                    Outgoing.Importance.CRITICAL, null));
        }
        notices.send(each);
        log.atInfo().addKeyValue("eventId", event.eventId()).addKeyValue("convoyId", event.convoyId())
                .addKeyValue("delegates", affected.size()).log("Delegates told of the convoy's new dates");
    }

    private static String date(LocalDate date, Contact contact) {
        return DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(Locale.forLanguageTag(contact.language()))
                .format(date);
    }
}
