package org.convoy.notification.contact;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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

    /** The contacts of a host, as the host stream last listed them. */
    public List<Contact> ofHost(String hostId) {
        return hostId == null ? List.of() : contacts.findByHostId(hostId);
    }

    /** The contacts notification knows among these ids, by id. */
    public Map<UUID, Contact> byId(Collection<UUID> ids) {
        Map<UUID, Contact> found = new HashMap<>();
        contacts.findAllById(ids).forEach(contact -> found.put(contact.id(), contact));
        return found;
    }

    /** The delegates of these convoys that notification knows (erased ones are forgotten). */
    public Set<UUID> delegatesOf(Collection<String> convoyIds) {
        return contacts.findByConvoyIdIn(convoyIds).stream().map(Contact::id).collect(Collectors.toSet());
    }
}
