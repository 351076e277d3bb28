package org.convoy.scheduling.host;

import java.util.List;

import org.convoy.events.Axis;
import org.convoy.events.Sector;
import org.convoy.scheduling.host.domain.DirectoryHost.Contact;
import org.convoy.scheduling.host.domain.DirectoryHost.Venue;

/**
 * A host organization as an organizer describes it in the directory.
 *
 * @param version when changing a host, the version the organizer read; the change is refused when the host changed
 *                since. May be absent, to change whatever is stored.
 */
public record DirectoryInput(String hostId, String organization, List<Contact> contacts, List<Venue> venues,
        List<Sector> sectors, List<Axis> axes, Long version) {
}
