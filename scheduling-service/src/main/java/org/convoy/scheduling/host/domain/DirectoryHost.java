package org.convoy.scheduling.host.domain;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import org.convoy.events.Axis;
import org.convoy.events.Sector;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A host organization as organizers know it across convoys: who to talk to there, where it receives delegations in
 * each city, and what it is about. A convoy's {@link Host} takes its organization, venue, sectors and axes from here.
 * Contacts are the host staff's personal data: they stay in this document and go into no event and no log line.
 *
 * @param hostId   the same short stable id the host has in every convoy, e.g. {@code netflix}
 * @param venues   at most one per city code ({@code LOS_ANGELES}, {@code HOUSTON}, …), sorted by city code
 */
@Document(DirectoryHost.COLLECTION)
public record DirectoryHost(
        @Id String hostId,
        String organization,
        List<Contact> contacts,
        List<Venue> venues,
        List<Sector> sectors,
        List<Axis> axes,
        @Version Long version) {

    public static final String COLLECTION = "host_directory";

    public DirectoryHost {
        contacts = contacts == null ? List.of() : List.copyOf(contacts);
        venues = venues == null ? List.of() : venues.stream().sorted(Comparator.comparing(Venue::city)).toList();
        sectors = sectors == null ? List.of() : List.copyOf(sectors);
        axes = axes == null ? List.of() : List.copyOf(axes);
    }

    public static DirectoryHost of(String hostId, String organization, List<Contact> contacts, List<Venue> venues,
            List<Sector> sectors, List<Axis> axes) {
        return new DirectoryHost(hostId, organization, contacts, venues, sectors, axes, null);
    }

    /** What a convoy's host says of the organization, for one that is not in the directory yet: no contacts. */
    public static DirectoryHost of(Host host) {
        return of(host.hostId(), host.name(), List.of(), List.of(Venue.of(host.venue())), host.sectors(), host.axes());
    }

    /** The same organization as organizers describe it now; the version stays, so a concurrent change is noticed. */
    public DirectoryHost revised(String organization, List<Contact> contacts, List<Venue> venues, List<Sector> sectors,
            List<Axis> axes) {
        return new DirectoryHost(hostId, organization, contacts, venues, sectors, axes, version);
    }

    /**
     * What a convoy's host says of the organization now: its name, sectors and axes, and its venue in the host's city
     * (in place of the one the directory had there). Contacts and the venues in other cities stay.
     */
    public DirectoryHost heard(Host host) {
        List<Venue> kept = new ArrayList<>(venues.stream().filter(venue -> !venue.city().equals(host.venue().city()))
                .toList());
        kept.add(Venue.of(host.venue()));
        return new DirectoryHost(hostId, host.name(), contacts, kept, host.sectors(), host.axes(), version);
    }

    public Optional<Venue> venueIn(String city) {
        return venues.stream().filter(venue -> venue.city().equals(city)).findFirst();
    }

    /**
     * Someone at the host organization organizers talk to.
     *
     * @param phone    E.164, e.g. {@code +13105550100}; may be absent
     * @param language {@code es} or {@code en}
     */
    public record Contact(String name, String email, String phone, String language) {
    }

    /**
     * @param city the city code convoys share, e.g. {@code SAN_JOSE}
     */
    public record Venue(String city, String name, String address, int roomCapacity) {

        static Venue of(Host.Venue venue) {
            return new Venue(venue.city(), venue.name(), venue.address(), venue.roomCapacity());
        }

        /** The venue as a convoy's host has it. */
        public Host.Venue forConvoy() {
            return new Host.Venue(name, address, city, roomCapacity);
        }
    }
}
