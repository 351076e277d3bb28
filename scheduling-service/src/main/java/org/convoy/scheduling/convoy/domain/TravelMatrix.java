package org.convoy.scheduling.convoy.domain;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * How long delegates need to get from one venue to the next, in minutes. The most specific rule wins: the same
 * venue needs nothing; a leg named for the two hosts' venues; within one city that city's time (or
 * {@code withinCityMinutes}); between two cities the leg named for them (or {@code betweenCitiesMinutes}).
 * Legs apply in both directions.
 */
public record TravelMatrix(int withinCityMinutes, int betweenCitiesMinutes, Map<String, Integer> withinCity,
        List<Leg> cityLegs, List<Leg> venueLegs) {

    public TravelMatrix {
        withinCity = withinCity == null ? Map.of() : Map.copyOf(withinCity);
        cityLegs = cityLegs == null ? List.of() : List.copyOf(cityLegs);
        venueLegs = venueLegs == null ? List.of() : List.copyOf(venueLegs);
    }

    public Duration between(Place from, Place to) {
        if (from.sameVenue(to)) {
            return Duration.ZERO;
        }
        for (Leg leg : venueLegs) {
            if (leg.joins(from.hostId(), to.hostId())) {
                return Duration.ofMinutes(leg.minutes());
            }
        }
        if (from.city().equals(to.city())) {
            return Duration.ofMinutes(withinCity.getOrDefault(from.city(), withinCityMinutes));
        }
        for (Leg leg : cityLegs) {
            if (leg.joins(from.city(), to.city())) {
                return Duration.ofMinutes(leg.minutes());
            }
        }
        return Duration.ofMinutes(betweenCitiesMinutes);
    }

    /** A journey between two cities or two hosts' venues, either way round. */
    public record Leg(String from, String to, int minutes) {

        boolean joins(String a, String b) {
            return from.equals(a) && to.equals(b) || from.equals(b) && to.equals(a);
        }
    }
}
