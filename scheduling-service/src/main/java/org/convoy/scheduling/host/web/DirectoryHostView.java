package org.convoy.scheduling.host.web;

import java.util.List;

import org.convoy.events.Axis;
import org.convoy.events.Sector;
import org.convoy.scheduling.host.domain.DirectoryHost;

/** A host organization of the directory, as organizers read it. */
record DirectoryHostView(String hostId, String organization, List<DirectoryHost.Contact> contacts,
        List<DirectoryHost.Venue> venues, List<Sector> sectors, List<Axis> axes, long version) {

    static DirectoryHostView of(DirectoryHost host) {
        return new DirectoryHostView(host.hostId(), host.organization(), host.contacts(), host.venues(), host.sectors(),
                host.axes(), host.revision());
    }
}
