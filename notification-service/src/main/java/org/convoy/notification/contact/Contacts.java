package org.convoy.notification.contact;

import java.util.Collection;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.convoy.notification.contact.domain.Contact;
import org.convoy.notification.contact.domain.ContactRepository;
import org.convoy.support.personal.DelegateKeyring;
import org.springframework.stereotype.Service;

/**
 * Which delegates notification knows in which convoys, for the views that show only some convoys; and whether a
 * delegate it does not know was erased.
 */
@Service
public class Contacts {

    private final ContactRepository contacts;
    private final DelegateKeyring keyring;

    Contacts(ContactRepository contacts, DelegateKeyring keyring) {
        this.contacts = contacts;
        this.keyring = keyring;
    }

    /**
     * Whether the delegate was erased: their contact is gone for good and no notice is owed to them. Registration
     * destroys the delegate's data key first thing when it erases them, and notification keeps that mark.
     */
    public boolean erased(UUID delegateId) {
        return keyring.wasDestroyed(delegateId);
    }

    /** The delegates of these convoys that notification knows (erased ones are forgotten). */
    public Set<UUID> delegatesOf(Collection<String> convoyIds) {
        return contacts.findByConvoyIdIn(convoyIds).stream().map(Contact::id).collect(Collectors.toSet());
    }
}
