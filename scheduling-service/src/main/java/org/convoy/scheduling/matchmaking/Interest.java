package org.convoy.scheduling.matchmaking;

import java.util.List;

import org.convoy.events.Axis;
import org.convoy.events.Sector;
import org.convoy.scheduling.delegate.domain.ScheduledDelegate;
import org.convoy.scheduling.host.domain.Host;

/**
 * How well a delegate and a host fit: two points for every sector they share, one for every shared axis. Zero means
 * the host is not for this delegate.
 */
public record Interest(ScheduledDelegate delegate, int score, List<Sector> sharedSectors, List<Axis> sharedAxes) {

    public static Interest of(ScheduledDelegate delegate, Host host) {
        List<Sector> sectors = host.sectors().stream()
                .filter(sector -> delegate.sectors() != null && delegate.sectors().contains(sector.name())).toList();
        List<Axis> axes = host.axes().stream()
                .filter(axis -> delegate.axes() != null && delegate.axes().contains(axis.name())).toList();
        return new Interest(delegate, 2 * sectors.size() + axes.size(), sectors, axes);
    }

    public boolean any() {
        return score > 0;
    }
}
