package org.convoy.scheduling.host.domain;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

import org.convoy.events.Axis;
import org.convoy.events.HostContactsChanged;
import org.convoy.events.Sector;
import org.convoy.support.outbox.OutboxEntry;
import org.convoy.support.outbox.Outboxed;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A host organization as organizers know it across convoys: who to talk to there, where it receives delegations in
 * each city, and what it is about. A convoy's {@link Host} takes its organization, venue, sectors and axes from here.
 * Contacts are the host staff's personal data: they go into no log line, and into one event only, {@link
 * HostContactsChanged}, which notification needs to tell them of visits; it waits in this document's outbox.
 *
 * @param hostId   the same short stable id the host has in every convoy, e.g. {@code netflix}
 * @param venues   at most one per city code ({@code LOS_ANGELES}, {@code HOUSTON}, …), sorted by city code
 * @param revision grows with every change of what the directory says of the host: the version organizers read and
 *                 send back with a change (the store's {@code version} also grows when the relay empties the outbox)
 */
@Document(DirectoryHost.COLLECTION)
public record DirectoryHost(
        @Id String hostId,
        String organization,
        List<Contact> contacts,
        List<Venue> venues,
        List<Sector> sectors,
        List<Axis> axes,
        @Version Long version,
        List<OutboxEntry> outbox,
        long revision) implements Outboxed {

    public static final String COLLECTION = "host_directory";

    public DirectoryHost {
        outbox = outbox == null ? List.of() : List.copyOf(outbox);
        contacts = contacts == null ? List.of() : List.copyOf(contacts);
        venues = venues == null ? List.of() : venues.stream().sorted(Comparator.comparing(Venue::city)).toList();
        sectors = sectors == null ? List.of() : List.copyOf(sectors);
        axes = axes == null ? List.of() : List.copyOf(axes);
    }

    public static DirectoryHost of(String hostId, String organization, List<Contact> contacts, List<Venue> venues,
            List<Sector> sectors, List<Axis> axes) {
        return new DirectoryHost(hostId, organization, contacts, venues, sectors, axes, null, null, 0);
    }

    /**
     * A new organization as organizers describe it: each contact gets its id, and the contacts are announced when
     * there are any.
     */
    public static DirectoryHost added(String hostId, String organization, List<Contact> contacts, List<Venue> venues,
            List<Sector> sectors, List<Axis> axes, Instant now) {
        DirectoryHost added = of(hostId, organization, Contact.identified(contacts, List.of()), venues, sectors, axes);
        return added.contacts.isEmpty() ? added : added.announcingContacts(now);
    }

    /** What a convoy's host says of the organization, for one that is not in the directory yet: no contacts. */
    public static DirectoryHost of(Host host) {
        return of(host.hostId(), host.name(), List.of(), List.of(Venue.of(host.venue())), host.sectors(), host.axes());
    }

    /**
     * The same organization as organizers describe it now; the version stays, so a concurrent change is noticed. A
     * contact keeps its id while its email address stays on the list; a change of the contacts (or of the name they
     * are told under) is announced.
     */
    public DirectoryHost revised(String organization, List<Contact> contacts, List<Venue> venues, List<Sector> sectors,
            List<Axis> axes, Instant now) {
        List<Contact> identified = Contact.identified(contacts, this.contacts);
        DirectoryHost revised = new DirectoryHost(hostId, organization, identified, venues, sectors, axes, version,
                outbox, revision + 1);
        return identified.equals(this.contacts) && organization.equals(this.organization) ? revised
                : revised.announcingContacts(now);
    }

    /** The contact with this id, if the host still lists it. */
    public Optional<Contact> contact(UUID contactId) {
        return contacts.stream().filter(contact -> contactId.equals(contact.id())).findFirst();
    }

    @Override
    public List<OutboxEntry> pendingEvents() {
        return outbox;
    }

    private DirectoryHost announcingContacts(Instant now) {
        List<OutboxEntry> pending = new ArrayList<>(outbox);
        pending.add(OutboxEntry.of(new HostContactsChanged(UUID.randomUUID(), now, HostContactsChanged.SCHEMA_VERSION,
                hostId, organization, contacts.stream().map(Contact::announced).toList())));
        return new DirectoryHost(hostId, organization, contacts, venues, sectors, axes, version, pending, revision);
    }

    /**
     * What a convoy's host says of the organization now: its name, sectors and axes, and its venue in the host's city
     * (in place of the one the directory had there). Contacts and the venues in other cities stay.
     */
    public DirectoryHost heard(Host host) {
        List<Venue> kept = new ArrayList<>(venues.stream().filter(venue -> !venue.city().equals(host.venue().city()))
                .toList());
        kept.add(Venue.of(host.venue()));
        return new DirectoryHost(hostId, host.name(), contacts, kept, host.sectors(), host.axes(), version, outbox,
                revision + 1);
    }

    public Optional<Venue> venueIn(String city) {
        return venues.stream().filter(venue -> venue.city().equals(city)).findFirst();
    }

    /**
     * Someone at the host organization organizers talk to.
     *
     * @param phone    E.164, e.g. {@code +13105550100}; may be absent
     * @param language {@code es} or {@code en}
     * @param id       stable while the contact's email address stays on the host's list: her personal link, her
     *                 notices and her answers name her by it; absent in entries stored before contacts had one
     */
    public record Contact(String name, String email, String phone, String language, UUID id) {

        public Contact(String name, String email, String phone, String language) {
            this(name, email, phone, language, null);
        }

        /** The contacts with the ids those of the earlier list had under the same email address, or new ones. */
        static List<Contact> identified(List<Contact> contacts, List<Contact> earlier) {
            Map<String, UUID> known = earlier.stream().filter(contact -> contact.id() != null)
                    .collect(Collectors.toMap(Contact::address, Contact::id, (first, second) -> first));
            return contacts.stream().map(contact -> new Contact(contact.name(), contact.email(), contact.phone(),
                    contact.language(), Objects.requireNonNullElseGet(known.get(contact.address()), UUID::randomUUID)))
                    .toList();
        }

        private String address() {
            return email.toLowerCase(Locale.ROOT);
        }

        HostContactsChanged.HostContact announced() {
            return new HostContactsChanged.HostContact(id, name, email, phone, language);
        }
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
