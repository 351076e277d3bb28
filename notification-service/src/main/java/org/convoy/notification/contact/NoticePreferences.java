package org.convoy.notification.contact;

import java.time.Clock;

import org.convoy.notification.contact.domain.Contact;
import org.convoy.notification.contact.domain.ContactRepository;
import org.convoy.support.problem.NotFoundException;
import org.springframework.stereotype.Service;

/**
 * A delegate's notice preferences, reached through the signed link at the foot of every email. Opting out stops
 * routine notices (approval, withdrawal, the day-before agenda); what a delegate must know (their personal link,
 * decisions on their registration, their meetings and changes to them) still arrives.
 */
@Service
public class NoticePreferences {

    private final PreferenceLinks links;
    private final ContactRepository contacts;
    private final Clock clock;

    NoticePreferences(PreferenceLinks links, ContactRepository contacts, Clock clock) {
        this.links = links;
        this.contacts = contacts;
        this.clock = clock;
    }

    /** @param routineEmail whether routine notices come by email; @param routineSms the same for texts */
    public record Choice(boolean routineEmail, boolean routineSms) {

        static Choice of(Contact contact) {
            return new Choice(!contact.emailOptOut(), !contact.smsOptOut());
        }
    }

    public Choice read(String token) {
        return Choice.of(contact(token));
    }

    public Choice change(String token, Choice choice) {
        Contact contact = contact(token);
        return Choice.of(contacts.save(contact.withPreferences(!choice.routineEmail(), !choice.routineSms(),
                clock.instant())));
    }

    /** One-click unsubscribe from mail programs (RFC 8058): no more routine email. */
    public Choice unsubscribe(String token) {
        Contact contact = contact(token);
        return Choice.of(contacts.save(contact.withPreferences(true, contact.smsOptOut(), clock.instant())));
    }

    private Contact contact(String token) {
        return links.verify(token).flatMap(contacts::findById).orElseThrow(() -> new NotFoundException(
                "No such preferences", "This link does not lead to any notice preferences."));
    }
}
