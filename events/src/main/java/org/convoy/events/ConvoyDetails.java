package org.convoy.events;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * What the platform tells of a convoy: its name in each language people read it in, its dates, the zone its times
 * are shown in, the cities it visits, where it stands ({@code status}), when delegates may register, how many
 * places each role has, and until when the personal data of its delegates is kept.
 *
 * <p>Fields after {@code cities} were added after the first publications; a reader of an older publication finds
 * them empty.
 *
 * @param names        the convoy's name by language tag ({@code es}, {@code en})
 * @param zone         IANA zone id of the convoy's first city, in which its dates are read
 * @param cities       the cities visited, each with a stable id, the name people read and its own zone
 * @param status       {@code DRAFT}, {@code OPEN} (for registration), {@code CLOSED}, {@code HELD} or
 *                     {@code ARCHIVED}
 * @param registration when registration opens and closes (only while {@code OPEN})
 * @param places       places by role and their total
 * @param retainUntil  the day after which the personal data of the convoy's delegates is erased
 * @param days         each convoy day with the cities the convoy is in (two on a travel day)
 */
public record ConvoyDetails(
        Map<String, String> names,
        LocalDate startsOn,
        LocalDate endsOn,
        String zone,
        List<City> cities,
        String status,
        Registration registration,
        Places places,
        LocalDate retainUntil,
        List<Day> days) {

    /** The name in the given language; in another of the convoy's languages when it has none in that one. */
    public String name(String language) {
        if (names == null || names.isEmpty()) {
            return null;
        }
        String name = language == null ? null : names.get(language);
        return name != null ? name : names.getOrDefault("es", names.values().iterator().next());
    }

    /** @param zone IANA zone id of the city, e.g. {@code America/Chicago} */
    public record City(String id, String name, String zone) {
    }

    /** Registration is open from {@code opensAt} (inclusive) until {@code closesAt} (exclusive). */
    public record Registration(Instant opensAt, Instant closesAt) {
    }

    /**
     * @param total  places in all
     * @param byRole places per role ({@code MAYOR}, {@code STATE_REPRESENTATIVE}, {@code BUSINESS_DELEGATE},
     *               {@code STAFF}); they add up to {@code total}
     */
    public record Places(int total, Map<String, Integer> byRole) {
    }

    public record Day(LocalDate date, List<String> cities) {
    }
}
