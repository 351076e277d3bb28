package org.convoy.scheduling.edition;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;

import org.convoy.events.Axis;
import org.convoy.events.Sector;
import org.convoy.scheduling.edition.domain.Edition;
import org.convoy.scheduling.edition.domain.EditionRepository;
import org.convoy.scheduling.host.domain.Host;
import org.convoy.scheduling.host.domain.Host.Venue;
import org.convoy.scheduling.host.domain.Host.Window;
import org.convoy.scheduling.host.domain.HostRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.core.io.ClassPathResource;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Component;

import tools.jackson.databind.json.JsonMapper;

/**
 * Loads the convoy editions ({@code seed/editions.json}) and their host catalogues ({@code seed/hosts.json}) that
 * do not exist yet: the California 2023 convoy ships with the product. What organizers changed is left alone.
 */
@Component
class CatalogueSeed implements SmartInitializingSingleton {

    private static final Logger log = LoggerFactory.getLogger(CatalogueSeed.class);

    private final EditionRepository editions;
    private final HostRepository hosts;

    CatalogueSeed(EditionRepository editions, HostRepository hosts) {
        this.editions = editions;
        this.hosts = hosts;
    }

    @Override
    public void afterSingletonsInstantiated() {
        for (Edition edition : read("seed/editions.json", Edition[].class)) {
            if (!editions.existsById(edition.id())) {
                insert(() -> editions.insert(edition));
                log.atInfo().addKeyValue("convoyId", edition.id()).log("Convoy edition loaded from seed");
            }
        }
        int added = 0;
        for (SeedHost seed : read("seed/hosts.json", SeedHost[].class)) {
            Edition edition = editions.findById(seed.convoyId()).orElseThrow();
            if (!hosts.existsById(Host.key(seed.convoyId(), seed.hostId()))) {
                insert(() -> hosts.insert(seed.toHost(edition.zoneId())));
                added++;
            }
        }
        if (added > 0) {
            log.atInfo().addKeyValue("hosts", added).log("Hosts loaded from seed");
        }
    }

    private static void insert(Runnable insert) {
        try {
            insert.run();
        } catch (DuplicateKeyException loadedMeanwhile) {
            // another instance loaded it at the same moment
        }
    }

    private static <T> List<T> read(String path, Class<T[]> type) {
        try (InputStream in = new ClassPathResource(path).getInputStream()) {
            return List.of(JsonMapper.builder().build().readValue(in, type));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
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
