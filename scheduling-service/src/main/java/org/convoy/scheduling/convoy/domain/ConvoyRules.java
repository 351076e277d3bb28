package org.convoy.scheduling.convoy.domain;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.convoy.support.problem.FieldProblemException;

/**
 * What makes a convoy's definition sound, checked before anything is stored: a date range the right way round whose
 * days lie in it, each once and in order; cities with real zones; days in known cities; travel times that are not
 * negative and join known cities; places by role that add up to the total; a registration window that closes after
 * it opens and no later than the convoy's last day; personal data kept at least until the convoy ends; a few
 * reminders, each from an hour to two weeks ahead and none twice. A problem is
 * refused naming its field, as the request writes it ({@code days[2].date}).
 */
public final class ConvoyRules {

    private static final int MAX_DAYS = 31;

    private ConvoyRules() {
    }

    public static void check(LocalDate startsOn, LocalDate endsOn, ConvoyDefinition definition) {
        if (endsOn.isBefore(startsOn)) {
            throw new FieldProblemException("endsOn", "must not be before startsOn (" + startsOn + ")");
        }
        if (startsOn.plusDays(MAX_DAYS - 1).isBefore(endsOn)) {
            throw new FieldProblemException("endsOn", "a convoy lasts at most " + MAX_DAYS + " days");
        }
        Set<String> cityIds = cities(definition.cities());
        days(startsOn, endsOn, definition.days(), cityIds);
        travel(definition.travel(), cityIds);
        places(definition.places());
        registration(definition, endsOn);
        if (definition.retainUntil().isBefore(endsOn)) {
            throw new FieldProblemException("retainUntil", "must not be before the convoy ends (" + endsOn + ")");
        }
        reminders(definition.reminders());
    }

    private static void reminders(List<Reminder> reminders) {
        if (reminders.size() > Reminder.MAX_PER_MEETING) {
            throw new FieldProblemException("reminders", "at most " + Reminder.MAX_PER_MEETING + " before each meeting");
        }
        Set<Reminder> seen = new HashSet<>();
        for (int i = 0; i < reminders.size(); i++) {
            Reminder reminder = reminders.get(i);
            if (reminder.hours() < 1 || reminder.hours() > Reminder.MAX_HOURS) {
                throw new FieldProblemException("reminders[" + i + "].hours", "must be from 1 to " + Reminder.MAX_HOURS
                        + " hours before the meeting");
            }
            if (!seen.add(reminder)) {
                throw new FieldProblemException("reminders[" + i + "]", "appears twice");
            }
        }
    }

    private static Set<String> cities(List<Convoy.City> cities) {
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < cities.size(); i++) {
            Convoy.City city = cities.get(i);
            if (!ids.add(city.id())) {
                throw new FieldProblemException("cities[" + i + "].id", "appears twice");
            }
            try {
                ZoneId.of(city.zone());
            } catch (DateTimeException e) {
                throw new FieldProblemException("cities[" + i + "].zone",
                        "is not a known time zone; write an IANA zone such as America/Chicago");
            }
        }
        return ids;
    }

    private static void days(LocalDate startsOn, LocalDate endsOn, List<Convoy.Day> days, Set<String> cityIds) {
        LocalDate previous = null;
        for (int i = 0; i < days.size(); i++) {
            Convoy.Day day = days.get(i);
            String field = "days[" + i + "]";
            if (day.date().isBefore(startsOn) || day.date().isAfter(endsOn)) {
                throw new FieldProblemException(field + ".date", "is outside the convoy's dates, " + startsOn + " to "
                        + endsOn);
            }
            if (previous != null && !day.date().isAfter(previous)) {
                throw new FieldProblemException(field + ".date", day.date().equals(previous)
                        ? "repeats the day before it; a travel day lists both cities in one day"
                        : "comes before the day listed above it; list days in date order");
            }
            Set<String> seen = new HashSet<>();
            for (int j = 0; j < day.cities().size(); j++) {
                String city = day.cities().get(j);
                if (!cityIds.contains(city)) {
                    throw new FieldProblemException(field + ".cities[" + j + "]", "is not one of the convoy's cities "
                            + cityIds.stream().sorted().toList());
                }
                if (!seen.add(city)) {
                    throw new FieldProblemException(field + ".cities[" + j + "]", "appears twice");
                }
            }
            previous = day.date();
        }
        if (!days.get(0).date().equals(startsOn)) {
            throw new FieldProblemException("days[0].date", "must be the first day, startsOn (" + startsOn + ")");
        }
        if (!days.get(days.size() - 1).date().equals(endsOn)) {
            throw new FieldProblemException("days[" + (days.size() - 1) + "].date",
                    "must be the last day, endsOn (" + endsOn + ")");
        }
    }

    private static void travel(TravelMatrix travel, Set<String> cityIds) {
        if (travel.withinCityMinutes() < 0) {
            throw new FieldProblemException("travel.withinCityMinutes", "must not be negative");
        }
        if (travel.betweenCitiesMinutes() < 0) {
            throw new FieldProblemException("travel.betweenCitiesMinutes", "must not be negative");
        }
        travel.withinCity().forEach((city, minutes) -> {
            if (!cityIds.contains(city)) {
                throw new FieldProblemException("travel.withinCity." + city, "is not one of the convoy's cities");
            }
            if (minutes == null || minutes < 0) {
                throw new FieldProblemException("travel.withinCity." + city, "must not be negative");
            }
        });
        for (int i = 0; i < travel.cityLegs().size(); i++) {
            TravelMatrix.Leg leg = travel.cityLegs().get(i);
            String field = "travel.cityLegs[" + i + "]";
            if (!cityIds.contains(leg.from())) {
                throw new FieldProblemException(field + ".from", "is not one of the convoy's cities");
            }
            if (!cityIds.contains(leg.to())) {
                throw new FieldProblemException(field + ".to", "is not one of the convoy's cities");
            }
            if (leg.minutes() < 0) {
                throw new FieldProblemException(field + ".minutes", "must not be negative");
            }
        }
        for (int i = 0; i < travel.venueLegs().size(); i++) {
            if (travel.venueLegs().get(i).minutes() < 0) {
                throw new FieldProblemException("travel.venueLegs[" + i + "].minutes", "must not be negative");
            }
        }
    }

    private static void places(Capacity places) {
        int sum = 0;
        for (var role : places.byRole().entrySet()) {
            if (!Capacity.ROLES.contains(role.getKey())) {
                throw new FieldProblemException("places.byRole." + role.getKey(), "is not a role; one of "
                        + Capacity.ROLES);
            }
            if (role.getValue() == null || role.getValue() < 0) {
                throw new FieldProblemException("places.byRole." + role.getKey(), "must not be negative");
            }
            sum += role.getValue();
        }
        if (sum != places.total()) {
            throw new FieldProblemException("places.byRole", "add up to " + sum + ", not to the total of "
                    + places.total());
        }
    }

    private static void registration(ConvoyDefinition definition, LocalDate endsOn) {
        RegistrationWindow window = definition.registration();
        if (!window.closesAt().isAfter(window.opensAt())) {
            throw new FieldProblemException("registration.closesAt", "must be after registration.opensAt");
        }
        ZoneId zone = ZoneId.of(definition.cities().get(0).zone());
        if (window.closesAt().isAfter(endsOn.plusDays(1).atStartOfDay(zone).toInstant())) {
            throw new FieldProblemException("registration.closesAt", "must be no later than the convoy's last day, "
                    + endsOn);
        }
    }
}
