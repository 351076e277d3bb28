package org.convoy.events;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Organizers changed who to tell at a host organization: the whole list as it now stands (an empty list when it has
 * none left). Notification keeps it, so a host's contacts hear of the visits it receives. The contacts travel in the
 * clear (see the README's security section); the event carries nothing else about them.
 */
public record HostContactsChanged(
        UUID eventId,
        Instant occurredAt,
        int schemaVersion,
        String hostId,
        String organization,
        List<HostContact> contacts) implements HostEvent {

    public static final int SCHEMA_VERSION = 1;

    public HostContactsChanged {
        contacts = contacts == null ? List.of() : List.copyOf(contacts);
    }

    /**
     * Someone at the host organization.
     *
     * @param contactId stable while the contact stays on the list (kept by email address when organizers edit it)
     * @param phone     E.164, or {@code null}
     * @param language  {@code es} or {@code en}
     */
    public record HostContact(UUID contactId, String name, String email, String phone, String language) {
    }
}
