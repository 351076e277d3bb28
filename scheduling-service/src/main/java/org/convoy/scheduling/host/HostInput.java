package org.convoy.scheduling.host;

import java.util.List;

import org.convoy.events.Axis;
import org.convoy.events.Sector;
import org.convoy.scheduling.host.domain.Host.Venue;
import org.convoy.scheduling.host.domain.Host.Window;

/** A host as an organizer describes it. */
public record HostInput(String hostId, String name, Venue venue, List<Sector> sectors, List<Axis> axes,
        List<Window> availability) {
}
