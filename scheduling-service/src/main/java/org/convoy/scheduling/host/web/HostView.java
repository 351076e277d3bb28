package org.convoy.scheduling.host.web;

import java.time.OffsetDateTime;
import java.util.List;

import org.convoy.events.Axis;
import org.convoy.events.Sector;
import org.convoy.scheduling.convoy.domain.Convoy;
import org.convoy.scheduling.host.domain.Host;

/** A host with its availability shown in the convoy's zone. */
record HostView(String hostId, String convoyId, String name, Host.Venue venue, String cityName, List<Sector> sectors,
        List<Axis> axes, List<WindowView> availability, String zone) {

    record WindowView(OffsetDateTime startsAt, OffsetDateTime endsAt) {
    }

    static HostView of(Host host, Convoy convoy) {
        return new HostView(host.hostId(), host.convoyId(), host.name(), host.venue(),
                convoy.cityName(host.venue().city()), host.sectors(), host.axes(),
                host.availability().stream().map(window -> new WindowView(
                        convoy.local(window.startsAt(), host.venue().city()),
                        convoy.local(window.endsAt(), host.venue().city()))).toList(),
                convoy.zoneOf(host.venue().city()).getId());
    }
}
