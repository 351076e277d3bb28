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
 * @param reminders    how long before each meeting its attendees are reminded, and on which channel; {@code null}
 *                     in publications from before convoys had them, read as {@link #DEFAULT_REMINDERS}
 * @param travel       how long the journey between two of the convoy's cities takes, for reminders that tell the
 *                     travel time from the previous meeting; {@code null} in older publications
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
        List<Day> days,
        List<Reminder> reminders,
        Travel travel) {

    /** A day ahead by email, two hours ahead by text: what a convoy that says nothing of reminders gets. */
    public static final List<Reminder> DEFAULT_REMINDERS = List.of(new Reminder(24, Reminder.EMAIL),
            new Reminder(2, Reminder.SMS));

    /** The details as publications before reminders and travel times read. */
    public ConvoyDetails(Map<String, String> names, LocalDate startsOn, LocalDate endsOn, String zone,
            List<City> cities, String status, Registration registration, Places places, LocalDate retainUntil,
            List<Day> days) {
        this(names, startsOn, endsOn, zone, cities, status, registration, places, retainUntil, days, null, null);
    }

    /** The reminders the convoy's attendees get; the default ones when the publication names none. */
    public List<Reminder> remindersOrDefault() {
        return reminders == null ? DEFAULT_REMINDERS : reminders;
    }

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

    /**
     * One reminder before each meeting.
     *
     * @param hours   how many hours before the meeting starts
     * @param channel {@code EMAIL}, or {@code SMS}: a message on the phone channel each person chose (WhatsApp, or
     *                SMS)
     */
    public record Reminder(int hours, String channel) {

        public static final String EMAIL = "EMAIL";
        public static final String SMS = "SMS";
    }

    /**
     * Journeys between the convoy's cities in minutes: a leg named for two cities (either way round), otherwise
     * {@code betweenCitiesMinutes}.
     */
    public record Travel(int betweenCitiesMinutes, List<Leg> cityLegs) {

        /** Minutes from one city to another; zero within a city. */
        public int minutes(String from, String to) {
            if (from == null || from.equals(to)) {
                return 0;
            }
            return (cityLegs == null ? List.<Leg>of() : cityLegs).stream()
                    .filter(leg -> leg.from().equals(from) && leg.to().equals(to)
                            || leg.from().equals(to) && leg.to().equals(from))
                    .mapToInt(Leg::minutes).findFirst().orElse(betweenCitiesMinutes);
        }
    }

    public record Leg(String from, String to, int minutes) {
    }
}
