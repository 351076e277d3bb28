package org.convoy.notification.contact;

import java.util.Collection;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.convoy.notification.contact.domain.Contact;
import org.convoy.notification.contact.domain.ContactRepository;
import org.springframework.stereotype.Service;

/** Which delegates notification knows in which convoys, for the views that show only some convoys. */
@Service
public class Contacts {

    private final ContactRepository contacts;

    Contacts(ContactRepository contacts) {
        this.contacts = contacts;
    }

    /** The delegates of these convoys that notification knows (erased ones are forgotten). */
    public Set<UUID> delegatesOf(Collection<String> convoyIds) {
        return contacts.findByConvoyIdIn(convoyIds).stream().map(Contact::id).collect(Collectors.toSet());
    }
}
