package org.convoy.scheduling.host;

import java.util.List;

import org.convoy.events.Axis;
import org.convoy.events.Sector;
import org.convoy.scheduling.host.domain.DirectoryHost.Contact;
import org.convoy.scheduling.host.domain.DirectoryHost.Venue;

/** A host organization as an organizer describes it in the directory. */
public record DirectoryInput(String hostId, String organization, List<Contact> contacts, List<Venue> venues,
        List<Sector> sectors, List<Axis> axes) {
}
