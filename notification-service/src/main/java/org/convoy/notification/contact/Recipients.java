package org.convoy.notification.contact;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.convoy.events.ConvoyEvent;
import org.convoy.notification.contact.domain.Contact;
import org.convoy.notification.deadletter.ContactNotKnownYet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * The people an event's notices go to, as notification knows them: handlers compose each notice for a known contact,
 * and after sending them let {@link Found#requireAll} name those not known yet, so the event is tried again for them.
 * An erased delegate is owed nothing and is left out.
 */
@Service
public class Recipients {

    private static final Logger log = LoggerFactory.getLogger(Recipients.class);

    private final Contacts contacts;

    Recipients(Contacts contacts) {
        this.contacts = contacts;
    }

    /** These people, in this order: those known, and those not known (yet) who were not erased. */
    public Found find(ConvoyEvent event, Collection<UUID> ids) {
        Map<UUID, Contact> known = contacts.byId(ids);
        List<Contact> found = new ArrayList<>();
        List<UUID> unknown = new ArrayList<>();
        for (UUID id : ids.stream().distinct().toList()) {
            Contact contact = known.get(id);
            if (contact != null) {
                found.add(contact);
            } else if (contacts.erased(id)) {
                log.atInfo().addKeyValue("eventId", event.eventId()).addKeyValue("delegateId", id)
                        .log("The delegate was erased; no notice");
            } else {
                log.atInfo().addKeyValue("eventId", event.eventId()).addKeyValue("delegateId", id)
                        .addKeyValue("eventType", event.getClass().getSimpleName())
                        .log("No contact known for this delegate; the notice is not sent yet");
                unknown.add(id);
            }
        }
        return new Found(event, found, unknown);
    }

    /** One person. */
    public Found find(ConvoyEvent event, UUID id) {
        return find(event, List.of(id));
    }

    /**
     * @param known   the contacts to compose notices for
     * @param unknown those whose contact is not known yet
     */
    public record Found(ConvoyEvent event, List<Contact> known, List<UUID> unknown) {

        /**
         * @param meetingId the meeting the notices are about, or {@code null}
         * @throws ContactNotKnownYet naming those not known, if any: call it once the others' notices are sent
         */
        public void requireAll(UUID meetingId) {
            if (!unknown.isEmpty()) {
                throw new ContactNotKnownYet(event.eventId(), event.getClass().getSimpleName(), meetingId, unknown);
            }
        }
    }
}
