package org.convoy.scheduling.host;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

import org.convoy.events.Axis;
import org.convoy.events.Sector;
import org.convoy.scheduling.convoy.Convoys;
import org.convoy.scheduling.host.domain.Host;
import org.convoy.scheduling.host.domain.Host.Venue;
import org.convoy.scheduling.host.domain.Host.Window;
import org.convoy.scheduling.host.domain.HostRepository;
import org.convoy.support.store.SeedFiles;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Loads the host catalogues of {@code seed/hosts.json} that do not exist yet (the California 2023 hosts); what
 * organizers changed is left alone. Needs the convoys loaded first, for their zones. Then gives the host directory
 * an entry for each seed host and each stored host of a convoy that it does not list yet (hosts stored before the
 * directory existed).
 */
@Component
public class HostSeed {

    private static final Logger log = LoggerFactory.getLogger(HostSeed.class);

    private final HostRepository hosts;
    private final Convoys convoys;
    private final HostDirectory directory;

    HostSeed(HostRepository hosts, Convoys convoys, HostDirectory directory) {
        this.hosts = hosts;
        this.convoys = convoys;
        this.directory = directory;
    }

    /** Loads what is missing; safe to run from several instances at once. */
    public void load() {
        List<Host> seeded = SeedFiles.read("seed/hosts.json", SeedHost[].class).stream()
                .map(seed -> seed.toHost(convoys.get(seed.convoyId()).zoneOf(seed.venue().city()))).toList();
        int added = SeedFiles.insertMissing(seeded, host -> hosts.existsById(host.key()), hosts::insert).size();
        if (added > 0) {
            log.atInfo().addKeyValue("hosts", added).log("Hosts loaded from seed");
        }
        List<Host> known = new ArrayList<>(seeded);
        known.addAll(hosts.findAll());
        int listed = directory.addMissing(known);
        if (listed > 0) {
            log.atInfo().addKeyValue("hosts", listed).log("Hosts added to the directory");
        }
    }

    /** Availability in the seed is written as local dates and times of the convoy's zone, as people plan it. */
    record SeedHost(String convoyId, String hostId, String name, Venue venue, List<Sector> sectors, List<Axis> axes,
            List<SeedWindow> availability) {

        Host toHost(ZoneId zone) {
            return Host.of(convoyId, hostId, name, venue, sectors, axes, availability.stream()
                    .map(window -> new Window(window.date().atTime(window.from()).atZone(zone).toInstant(),
                            window.date().atTime(window.to()).atZone(zone).toInstant()))
                    .toList());
        }
    }

    record SeedWindow(LocalDate date, LocalTime from, LocalTime to) {
    }
}
