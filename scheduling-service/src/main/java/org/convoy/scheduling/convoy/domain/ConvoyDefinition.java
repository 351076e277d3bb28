package org.convoy.scheduling.convoy.domain;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * A convoy as organizers define it, checked ({@link ConvoyRules}) before it is stored.
 *
 * @param names        the name by language tag; Spanish and English
 * @param cities       the cities visited, each with its zone; the first city's zone is the convoy's
 * @param days         the convoy's days in date order, each with its cities (two on a travel day)
 * @param travel       travel times between cities and between named venues
 * @param places       places by role
 * @param registration when registration opens and closes
 * @param retainUntil  the last day the personal data of its delegates is kept
 * @param reminders    the reminders attendees get before each meeting; {@link Reminder#DEFAULTS} when not given
 */
public record ConvoyDefinition(Map<String, String> names, List<Convoy.City> cities, List<Convoy.Day> days,
        TravelMatrix travel, Capacity places, RegistrationWindow registration, LocalDate retainUntil,
        List<Reminder> reminders) {

    public ConvoyDefinition {
        reminders = reminders == null ? Reminder.DEFAULTS : List.copyOf(reminders);
    }
}
