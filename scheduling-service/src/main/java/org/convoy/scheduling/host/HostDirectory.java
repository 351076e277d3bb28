package org.convoy.scheduling.host;

import java.time.Clock;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;

import org.convoy.scheduling.host.domain.DirectoryHost;
import org.convoy.scheduling.host.domain.Host;
import org.convoy.scheduling.host.domain.HostDirectoryRepository;
import org.convoy.scheduling.host.domain.HostRepository;
import org.convoy.support.outbox.OutboxRelay;
import org.convoy.support.problem.FieldProblemException;
import org.convoy.support.store.OptimisticWrites;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;

/**
 * The host directory: every host organization organizers work with, kept from one convoy to the next, with the
 * people to talk to there and a venue per city. It hears of every host a convoy takes, so it knows them all.
 * Contacts are personal data: they are never logged, and leave this service only in {@code HostContactsChanged},
 * for notification to tell them of visits.
 */
@Service
public class HostDirectory {

    private static final Logger log = LoggerFactory.getLogger(HostDirectory.class);

    private static final Comparator<DirectoryHost> BY_ORGANIZATION = Comparator
            .comparing(DirectoryHost::organization, String.CASE_INSENSITIVE_ORDER)
            .thenComparing(DirectoryHost::hostId);

    private final HostDirectoryRepository directory;
    private final HostRepository hosts;
    private final OptimisticWrites writes;
    private final OutboxRelay relay;
    private final Clock clock;

    HostDirectory(HostDirectoryRepository directory, HostRepository hosts, OptimisticWrites writes, OutboxRelay relay,
            Clock clock) {
        this.directory = directory;
        this.hosts = hosts;
        this.writes = writes;
        this.relay = relay;
        this.clock = clock;
    }

    /** Every host organization, by name; with a city code, only those with a venue there. */
    public List<DirectoryHost> all(String city) {
        List<DirectoryHost> found = city == null || city.isBlank() ? directory.findAll()
                : directory.findByVenuesCity(city);
        return found.stream().sorted(BY_ORGANIZATION).toList();
    }

    public DirectoryHost get(String hostId) {
        return directory.findById(hostId).orElseThrow(() -> HostNotFoundException.inDirectory(hostId));
    }

    /** @throws HostConflictException when the directory already has a host with this id */
    public DirectoryHost create(DirectoryInput input) {
        checked(input);
        try {
            DirectoryHost created = directory.insert(DirectoryHost.added(input.hostId(), input.organization(),
                    input.contacts(), input.venues(), input.sectors(), input.axes(), clock.instant()));
            relay.nudge(created);
            log.atInfo().addKeyValue("hostId", input.hostId()).log("Host added to the directory");
            return created;
        } catch (DuplicateKeyException e) {
            throw new HostConflictException("The host directory already has a host " + input.hostId() + ".");
        }
    }

    /**
     * Replaces what the directory says of a host; the convoys it already takes part in keep what they have.
     *
     * @throws HostConflictException when the input names a version and the host changed since
     */
    public DirectoryHost update(String hostId, DirectoryInput input) {
        checked(input);
        DirectoryHost changed = change(hostId, current -> {
            if (input.version() != null && input.version() != current.revision()) {
                throw new HostConflictException(current.organization() + " was changed meanwhile (version "
                        + current.revision() + ", not " + input.version() + "); read it again and redo the change.");
            }
            return current.revised(input.organization(), input.contacts(), input.venues(), input.sectors(),
                    input.axes(), clock.instant());
        });
        log.atInfo().addKeyValue("hostId", hostId).log("Host changed in the directory");
        return changed;
    }

    /** @throws HostConflictException while the host takes part in a convoy: take it out of each first */
    public void delete(String hostId) {
        DirectoryHost host = get(hostId);
        if (hosts.existsByHostId(hostId)) {
            throw new HostConflictException(host.organization() + " takes part in a convoy; take it out of every "
                    + "convoy before removing it from the directory.");
        }
        directory.delete(host);
        log.atInfo().addKeyValue("hostId", hostId).log("Host removed from the directory");
    }

    /**
     * What a convoy's host says of its organization now: the directory takes its name, sectors, axes and its venue
     * in that city, and keeps the contacts and the other cities' venues. A host it did not know is added.
     */
    void heard(Host host) {
        for (int attempt = 0; attempt < 2; attempt++) {
            if (directory.existsById(host.hostId())) {
                change(host.hostId(), current -> current.heard(host));
                return;
            }
            try {
                directory.insert(DirectoryHost.of(host));
                log.atInfo().addKeyValue("hostId", host.hostId()).addKeyValue("convoyId", host.convoyId())
                        .log("Host added to the directory");
                return;
            } catch (DuplicateKeyException addedMeanwhile) {
                // another writer added it a moment ago: change that one instead
            }
        }
    }

    /**
     * Gives every host of a convoy that the directory does not know an entry (data stored before the directory
     * existed, or a seed): its organization, sectors and axes from one of its convoys, a venue for each city it
     * received delegations in, no contacts. Entries that exist are left alone.
     *
     * @return how many entries were added
     */
    int addMissing(List<Host> convoyHosts) {
        Set<String> known = directory.findAll().stream().map(DirectoryHost::hostId).collect(Collectors.toSet());
        Map<String, DirectoryHost> missing = new LinkedHashMap<>();
        for (Host host : convoyHosts) {
            if (!known.contains(host.hostId())) {
                missing.merge(host.hostId(), DirectoryHost.of(host), (first, later) -> first.heard(host));
            }
        }
        int added = 0;
        for (DirectoryHost entry : missing.values()) {
            try {
                directory.insert(entry);
                added++;
            } catch (DuplicateKeyException addedMeanwhile) {
                // another instance filled it at the same moment
            }
        }
        return added;
    }

    /** Applies a change to the entry as stored, again on the fresh entry when another writer saved first. */
    private DirectoryHost change(String hostId, UnaryOperator<DirectoryHost> change) {
        DirectoryHost[] held = new DirectoryHost[1];
        writes.change(() -> {
            held[0] = get(hostId);
            return held;
        }, entry -> entry[0] = change.apply(entry[0]), entry -> {
            entry[0] = directory.save(entry[0]);
            return entry;
        });
        if (held[0].hasPendingEvents()) {
            relay.nudge(held[0]);
        }
        return held[0];
    }

    private static void checked(DirectoryInput input) {
        Set<String> emails = new HashSet<>();
        for (int i = 0; i < input.contacts().size(); i++) {
            if (!emails.add(input.contacts().get(i).email().toLowerCase(Locale.ROOT))) {
                throw new FieldProblemException("contacts[" + i + "].email", "another contact of this host has this "
                        + "email address");
            }
        }
        Set<String> cities = new HashSet<>();
        for (int i = 0; i < input.venues().size(); i++) {
            if (!cities.add(input.venues().get(i).city())) {
                throw new FieldProblemException("venues[" + i + "].city", "another venue is in this city already; "
                        + "a host has one venue per city");
            }
        }
    }
}
