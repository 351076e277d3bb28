package org.convoy.scheduling.host.domain;

import java.time.Instant;
import java.util.List;

import org.convoy.events.Axis;
import org.convoy.events.Sector;
import org.convoy.scheduling.convoy.domain.Place;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A company that receives delegation cohorts at its own venue during one convoy.
 *
 * @param key          {@code <convoyId>:<hostId>}, so the same company can host in several convoys
 * @param hostId       short stable id within the convoy, e.g. {@code netflix}
 * @param availability when the host receives delegations; a meeting must fit entirely in one window
 */
@Document(Host.COLLECTION)
public record Host(
        @Id String key,
        String convoyId,
        String hostId,
        String name,
        Venue venue,
        List<Sector> sectors,
        List<Axis> axes,
        List<Window> availability,
        @Version Long version) {

    public static final String COLLECTION = "hosts";

    public static String key(String convoyId, String hostId) {
        return convoyId + ":" + hostId;
    }

    public static Host of(String convoyId, String hostId, String name, Venue venue, List<Sector> sectors, List<Axis> axes,
            List<Window> availability) {
        return new Host(key(convoyId, hostId), convoyId, hostId, name, venue, List.copyOf(sectors), List.copyOf(axes),
                List.copyOf(availability), null);
    }

    public Host revised(String name, Venue venue, List<Sector> sectors, List<Axis> axes, List<Window> availability) {
        return new Host(key, convoyId, hostId, name, venue, List.copyOf(sectors), List.copyOf(axes),
                List.copyOf(availability), version);
    }

    public Place place() {
        return new Place(hostId, venue.address(), venue.city());
    }

    /** Whether the host receives delegations for the whole of this time. */
    public boolean receives(Instant startsAt, Instant endsAt) {
        return availability.stream().anyMatch(window -> window.covers(startsAt, endsAt));
    }

    /**
     * @param name         the venue as people know it, e.g. "Netflix headquarters"
     * @param city         city id of the convoy convoy, e.g. {@code SAN_JOSE}
     * @param roomCapacity the most delegates the meeting room takes
     */
    public record Venue(String name, String address, String city, int roomCapacity) {
    }

    public record Window(Instant startsAt, Instant endsAt) {

        public boolean covers(Instant start, Instant end) {
            return !start.isBefore(startsAt) && !end.isAfter(endsAt);
        }

        public boolean overlaps(Window other) {
            return startsAt.isBefore(other.endsAt) && other.startsAt.isBefore(endsAt);
        }
    }
}
