package org.convoy.scheduling.delegate.domain;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.convoy.events.Axis;
import org.convoy.events.Sector;
import org.convoy.scheduling.convoy.domain.SampleConvoy;
import org.convoy.scheduling.delegate.domain.ScheduledDelegate.Status;

/** Delegates of the sample convoy as scheduling knows them: mayors of Mexican municipalities. */
public final class SampleDelegates {

    private SampleDelegates() {
    }

    /** An approved delegate interested in film and the creative industries. */
    public static ScheduledDelegate approved(String givenName) {
        return delegate(UUID.randomUUID(), givenName, List.of(Sector.CINEMATOGRAPHY), List.of(Axis.CREATIVE_INDUSTRIES),
                Status.APPROVED);
    }

    public static ScheduledDelegate approved(UUID id, List<Sector> sectors, List<Axis> axes) {
        return delegate(id, "Delegate", sectors, axes, Status.APPROVED);
    }

    /** A delegate who registered but may not be scheduled (waitlisted, rejected, withdrawn, …). */
    public static ScheduledDelegate notApproved(String givenName, Status status) {
        return delegate(UUID.randomUUID(), givenName, List.of(Sector.CINEMATOGRAPHY), List.of(Axis.CREATIVE_INDUSTRIES),
                status);
    }

    public static ScheduledDelegate withStatus(ScheduledDelegate delegate, Status status) {
        return delegate(delegate.id(), delegate.givenName(), delegate.sectors().stream().map(Sector::valueOf).toList(),
                delegate.axes().stream().map(Axis::valueOf).toList(), status);
    }

    /** What planning rules are given: the attendees scheduling knows, by id. */
    public static Map<UUID, ScheduledDelegate> byId(Collection<ScheduledDelegate> delegates) {
        return delegates.stream().collect(Collectors.toMap(ScheduledDelegate::id, Function.identity()));
    }

    public static Map<UUID, ScheduledDelegate> byId(ScheduledDelegate... delegates) {
        return byId(List.of(delegates));
    }

    public static List<UUID> ids(ScheduledDelegate... delegates) {
        return List.of(delegates).stream().map(ScheduledDelegate::id).toList();
    }

    private static ScheduledDelegate delegate(UUID id, String givenName, List<Sector> sectors, List<Axis> axes,
            Status status) {
        return new ScheduledDelegate(id, SampleConvoy.ID, givenName, "Test", "MAYOR", "MX-JAL", "Zapopan",
                "Municipio de " + givenName, "Presidente Municipal", sectors.stream().map(Sector::name).toList(),
                axes.stream().map(Axis::name).toList(), true, "es", status, Instant.parse("2023-01-15T12:00:00Z"));
    }
}
