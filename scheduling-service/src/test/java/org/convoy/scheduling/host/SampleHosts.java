package org.convoy.scheduling.host;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.List;

import org.convoy.events.Axis;
import org.convoy.events.Sector;
import org.convoy.scheduling.convoy.domain.SampleConvoy;
import org.convoy.scheduling.host.HostSeed.SeedHost;
import org.convoy.scheduling.host.domain.Host;
import org.convoy.scheduling.host.domain.Host.Venue;
import org.convoy.scheduling.host.domain.Host.Window;

import tools.jackson.databind.json.JsonMapper;

/**
 * Hosts of the sample convoy: the seventeen of its seed catalogue (Disney, Warner Bros and NBCUniversal are minutes
 * apart in Los Angeles; Netflix, Google, … receive in San José; Nasdaq, Uber, … in San Francisco), and made-up venues.
 */
public final class SampleHosts {

    private static final List<Host> SEED = read();

    private SampleHosts() {
    }

    /** The seed catalogue, read as the product reads it on start. */
    public static List<Host> california() {
        return SEED;
    }

    /** One host of the seed catalogue, e.g. {@code seed("disney")}. */
    public static Host seed(String hostId) {
        return SEED.stream().filter(host -> host.hostId().equals(hostId)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("No seed host " + hostId));
    }

    /** A made-up film studio. */
    public static Host venue(String hostId, String city, String address, int roomCapacity, List<Window> availability) {
        return venue(hostId, city, address, roomCapacity, availability, List.of(Sector.CINEMATOGRAPHY),
                List.of(Axis.CREATIVE_INDUSTRIES));
    }

    public static Host venue(String hostId, String city, String address, int roomCapacity, List<Window> availability,
            List<Sector> sectors, List<Axis> axes) {
        return Host.of(SampleConvoy.ID, hostId, "Host " + hostId, new Venue("Venue of " + hostId, address, city,
                roomCapacity), sectors, axes, availability);
    }

    /** When a host receives delegations, in the convoy's local time, e.g. {@code receiving(IN_SAN_JOSE, "09:00", "18:00")}. */
    public static Window receiving(LocalDate date, String from, String to) {
        return new Window(SampleConvoy.at(date, from), SampleConvoy.at(date, to));
    }

    /** Receiving all day long on every day of the convoy, whatever its city. */
    public static List<Window> everyDay() {
        return SampleConvoy.california().days().stream().map(day -> receiving(day.date(), "07:00", "21:00")).toList();
    }

    private static List<Host> read() {
        try (InputStream in = SampleHosts.class.getResourceAsStream("/seed/hosts.json")) {
            SeedHost[] hosts = JsonMapper.builder().build().readValue(in, SeedHost[].class);
            return List.of(hosts).stream().filter(host -> host.convoyId().equals(SampleConvoy.ID))
                    .map(host -> host.toHost(SampleConvoy.california().zoneId())).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
