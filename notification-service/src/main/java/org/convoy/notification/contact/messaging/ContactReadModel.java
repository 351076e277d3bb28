package org.convoy.notification.contact.messaging;

import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.convoy.events.DelegateErased;
import org.convoy.events.DelegateEvent;
import org.convoy.events.DelegatePromoted;
import org.convoy.events.DelegateWaitlisted;
import org.convoy.events.DelegateProfile;
import org.convoy.events.DelegateRegistered;
import org.convoy.events.DelegateUpdated;
import org.convoy.events.HostContactsChanged;
import org.convoy.notification.contact.domain.Contact;
import org.convoy.notification.contact.domain.HomeZones;
import org.convoy.notification.contact.domain.ContactRepository;
import org.convoy.support.personal.DelegateKeyring;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Keeps contacts in step with the delegate stream, and hosts' contacts with the host stream; saving the whole contact
 * again is harmless.
 */
@Component
public class ContactReadModel {

    private static final Logger log = LoggerFactory.getLogger(ContactReadModel.class);

    private final ContactRepository contacts;
    private final DelegateKeyring keyring;

    ContactReadModel(ContactRepository contacts, DelegateKeyring keyring) {
        this.contacts = contacts;
        this.keyring = keyring;
    }

    /** The profile is sealed with the delegate's key; once they are erased (key destroyed) there is nothing to keep. */
    public void registered(DelegateRegistered event) {
        keyring.profileOf(event).ifPresent(profile -> save(event.delegateId(), event.convoyId(), profile,
                event.occurredAt()));
    }

    public void updated(DelegateUpdated event) {
        keyring.profileOf(event).ifPresent(profile -> save(event.delegateId(), event.convoyId(), profile,
                event.occurredAt()));
    }

    public void waitlisted(DelegateWaitlisted event) {
        contacts.findById(event.delegateId()).ifPresent(contact -> contacts.save(contact.withWaitlisted(true)));
    }

    public void promoted(DelegatePromoted event) {
        contacts.findById(event.delegateId()).ifPresent(contact -> contacts.save(contact.withWaitlisted(false)));
    }

    /** She opened her personal link, or an organizer approved her: texts to her number may start. */
    public void textsConfirmed(DelegateEvent event) {
        contacts.findById(event.delegateId()).filter(contact -> !contact.textsConfirmed())
                .ifPresent(contact -> contacts.save(contact.withTextsConfirmed(event.occurredAt())));
    }

    /** She withdrew or was rejected. */
    public void departed(DelegateEvent event) {
        contacts.findById(event.delegateId()).filter(contact -> !contact.departed())
                .ifPresent(contact -> contacts.save(contact.withDeparted(event.occurredAt())));
    }

    /** @return what was known of the erased delegate, for the other places that must forget it too */
    public Optional<Contact> erased(DelegateErased event) {
        Optional<Contact> known = contacts.findById(event.delegateId());
        contacts.deleteById(event.delegateId());
        log.atInfo().addKeyValue("eventId", event.eventId()).addKeyValue("delegateId", event.delegateId())
                .log("Contact erased");
        return known;
    }

    private void save(UUID id, String convoyId, DelegateProfile profile, Instant at) {
        Optional<Contact> known = contacts.findById(id);
        contacts.save(new Contact(id, convoyId, profile.givenName(), profile.familyName(), profile.email(),
                profile.phone(), profile.preferredLanguage(), profile.channels(),
                known.map(Contact::waitlisted).orElse(false), HomeZones.of(profile.state()),
                known.map(Contact::optOuts).orElse(Set.of()), known.map(Contact::textsConfirmed).orElse(false),
                known.map(Contact::departed).orElse(false), at,
                profile.municipality(), null));
    }

    /**
     * A host's contacts as organizers now list them: each kept (her notice preferences too) under her contact id, by
     * email only; those no longer listed are forgotten.
     */
    public void hostContactsChanged(HostContactsChanged event) {
        Set<UUID> listed = new HashSet<>();
        for (HostContactsChanged.HostContact listedContact : event.contacts()) {
            listed.add(listedContact.contactId());
            Optional<Contact> known = contacts.findById(listedContact.contactId());
            contacts.save(new Contact(listedContact.contactId(), null, listedContact.name(), null,
                    listedContact.email(), listedContact.phone(), listedContact.language(), Set.of("EMAIL"), false,
                    null, known.map(Contact::optOuts).orElse(Set.of()), false, false, event.occurredAt(), null, event.hostId()));
        }
        List<Contact> gone = contacts.findByHostId(event.hostId()).stream()
                .filter(contact -> !listed.contains(contact.id())).toList();
        contacts.deleteAll(gone);
        log.atInfo().addKeyValue("eventId", event.eventId()).addKeyValue("hostId", event.hostId())
                .addKeyValue("contacts", listed.size()).addKeyValue("forgotten", gone.size())
                .log("Host contacts kept");
    }
}
