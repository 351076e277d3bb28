package org.convoy.scheduling.host;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.convoy.support.problem.FieldProblemException;
import org.convoy.scheduling.convoy.ConvoyCopied;
import org.convoy.scheduling.convoy.Convoys;
import org.convoy.scheduling.convoy.domain.Convoy;
import org.convoy.scheduling.host.domain.DirectoryHost;
import org.convoy.scheduling.host.domain.Host;
import org.convoy.scheduling.host.domain.Host.Window;
import org.convoy.scheduling.host.domain.HostRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;

/**
 * The host catalogue of each convoy: companies, their venue and room, and when they receive delegations. Every host a
 * convoy takes is told to the {@link HostDirectory}, which keeps host organizations from one convoy to the next.
 */
@Service
public class Hosts {

    private static final Logger log = LoggerFactory.getLogger(Hosts.class);

    private final HostRepository hosts;
    private final Convoys convoys;
    private final HostReferences references;
    private final HostDirectory directory;

    Hosts(HostRepository hosts, Convoys convoys, HostReferences references, HostDirectory directory) {
        this.hosts = hosts;
        this.convoys = convoys;
        this.references = references;
        this.directory = directory;
    }

    public List<Host> of(String convoyId) {
        convoys.get(convoyId);
        return hosts.findByConvoyIdOrderByName(convoyId);
    }

    public Host get(String convoyId, String hostId) {
        convoys.get(convoyId);
        return hosts.findById(Host.key(convoyId, hostId)).orElseThrow(() -> new HostNotFoundException(hostId));
    }

    /** Adds a host to the convoy as the organizer describes it; the host directory hears of it too. */
    public Host create(String convoyId, HostInput input) {
        Host created = added(convoys.get(convoyId), input);
        directory.heard(created);
        return created;
    }

    /**
     * A host of the directory takes part in a convoy: organization, sectors, axes and its venue in one of the
     * convoy's cities come from the directory, the availability from the organizer.
     *
     * @param city the city of the venue; may be left out when the directory has one venue in the convoy's cities
     * @throws HostConflictException when the host takes part in this convoy already
     */
    public Host takePart(String convoyId, String hostId, String city, List<Window> availability) {
        Convoy convoy = convoys.get(convoyId);
        DirectoryHost listed = directory.get(hostId);
        List<DirectoryHost.Venue> venues = listed.venues().stream()
                .filter(venue -> convoy.city(venue.city()).isPresent()).toList();
        DirectoryHost.Venue venue;
        if (city != null) {
            if (convoy.city(city).isEmpty()) {
                throw new FieldProblemException("city", "not a city of this convoy; one of " + cityIds(convoy));
            }
            venue = listed.venueIn(city).orElseThrow(() -> new FieldProblemException("city", "the host directory "
                    + "has no venue of " + listed.organization() + " in " + city + "; add one there first"));
        } else if (venues.size() == 1) {
            venue = venues.get(0);
        } else if (venues.isEmpty()) {
            throw new FieldProblemException("city", "the host directory has no venue of " + listed.organization()
                    + " in this convoy's cities " + cityIds(convoy) + "; add one there first");
        } else {
            throw new FieldProblemException("city", "must be given: the host directory has venues of "
                    + listed.organization() + " in " + venues.stream().map(DirectoryHost.Venue::city).toList());
        }
        return added(convoy, new HostInput(hostId, listed.organization(), venue.forConvoy(), listed.sectors(),
                listed.axes(), availability));
    }

    /** Replaces what the catalogue says of a host; meetings already confirmed keep the venue attendees were told. */
    public Host update(String convoyId, String hostId, HostInput input) {
        checked(convoys.get(convoyId), input);
        Host current = get(convoyId, hostId);
        Host changed = hosts.save(current.revised(input.name(), input.venue(), input.sectors(), input.axes(),
                sorted(input.availability())));
        directory.heard(changed);
        return changed;
    }

    public void delete(String convoyId, String hostId) {
        Host host = get(convoyId, hostId);
        if (references.meetingsWith(convoyId, hostId)) {
            throw new HostConflictException(host.name() + " has planned or confirmed meetings; cancel or discard them "
                    + "first.");
        }
        hosts.delete(host);
    }

    /**
     * A convoy copied from another takes the hosts of that one that receive delegations in one of its cities. Their
     * availability moves by as many days as the convoy's first day moved, at the same times of day; windows that do
     * not fall on one of the new convoy's days are left out.
     */
    @EventListener
    void copied(ConvoyCopied copied) {
        Convoy source = convoys.get(copied.sourceId());
        Convoy copy = convoys.get(copied.copyId());
        long days = ChronoUnit.DAYS.between(source.firstDay(), copy.firstDay());
        int added = 0;
        for (Host host : hosts.findByConvoyIdOrderByName(source.id())) {
            if (copy.city(host.venue().city()).isEmpty()) {
                continue;
            }
            List<Window> moved = host.availability().stream()
                    .map(window -> new Window(moved(window.startsAt(), source, copy, days, host.venue().city()),
                            moved(window.endsAt(), source, copy, days, host.venue().city())))
                    .filter(window -> copy.onOneDay(window.startsAt(), window.endsAt(), host.venue().city()))
                    .toList();
            try {
                hosts.insert(Host.of(copy.id(), host.hostId(), host.name(), host.venue(), host.sectors(), host.axes(),
                        moved));
                added++;
            } catch (DuplicateKeyException e) {
                // already copied
            }
        }
        log.atInfo().addKeyValue("convoyId", copy.id()).addKeyValue("copiedFrom", source.id())
                .addKeyValue("hosts", added).log("Hosts copied");
    }

    private Host added(Convoy convoy, HostInput input) {
        checked(convoy, input);
        Host host = Host.of(convoy.id(), input.hostId(), input.name(), input.venue(), input.sectors(), input.axes(),
                sorted(input.availability()));
        try {
            Host created = hosts.insert(host);
            log.atInfo().addKeyValue("convoyId", convoy.id()).addKeyValue("hostId", input.hostId()).log("Host added");
            return created;
        } catch (DuplicateKeyException e) {
            throw new HostConflictException("This convoy already has a host " + input.hostId() + ".");
        }
    }

    private static List<String> cityIds(Convoy convoy) {
        return convoy.cities().stream().map(Convoy.City::id).toList();
    }

    private static Instant moved(Instant instant, Convoy source, Convoy copy, long days, String city) {
        return instant.atZone(source.zoneOf(city)).toLocalDateTime().plusDays(days).atZone(copy.zoneOf(city))
                .toInstant();
    }

    private static void checked(Convoy convoy, HostInput input) {
        if (convoy.city(input.venue().city()).isEmpty()) {
            throw new FieldProblemException("venue.city", "not a city of this convoy; one of " + cityIds(convoy));
        }
        List<Window> windows = sorted(input.availability());
        for (int i = 0; i < windows.size(); i++) {
            Window window = windows.get(i);
            String field = "availability[" + input.availability().indexOf(window) + "]";
            if (!window.endsAt().isAfter(window.startsAt())) {
                throw new FieldProblemException(field + ".endsAt", "must be after startsAt");
            }
            if (!convoy.onOneDay(window.startsAt(), window.endsAt(), input.venue().city())) {
                throw new FieldProblemException(field, "must lie within one day of the convoy, " + convoy.firstDay()
                        + " to " + convoy.lastDay() + " (" + convoy.zoneOf(input.venue().city()) + ")");
            }
            if (i > 0 && windows.get(i - 1).overlaps(window)) {
                throw new FieldProblemException(field, "overlaps another availability window");
            }
        }
    }

    private static List<Window> sorted(List<Window> windows) {
        List<Window> sorted = new ArrayList<>(windows);
        sorted.sort(Comparator.comparing(Window::startsAt));
        return sorted;
    }
}
