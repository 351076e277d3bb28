package org.convoy.events;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * What the platform tells of a convoy: its name in each language people read it in, its dates, the zone its times
 * are shown in, and the cities it visits.
 *
 * @param names  the convoy's name by language tag ({@code es}, {@code en})
 * @param zone   IANA zone id in which the convoy's times are shown, e.g. {@code America/Los_Angeles}
 * @param cities the cities visited, each with a stable id and the name people read
 */
public record ConvoyDetails(
        Map<String, String> names,
        LocalDate startsOn,
        LocalDate endsOn,
        String zone,
        List<City> cities) {

    /** The name in the given language; in another of the convoy's languages when it has none in that one. */
    public String name(String language) {
        if (names == null || names.isEmpty()) {
            return null;
        }
        String name = language == null ? null : names.get(language);
        return name != null ? name : names.getOrDefault("es", names.values().iterator().next());
    }

    public record City(String id, String name) {
    }
}
