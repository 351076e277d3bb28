package org.convoy.scheduling.edition.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A convoy edition as scheduling sees it: its days, the cities of each day, the zone its times are shown in, and
 * how long it takes to get from one venue to another.
 *
 * @param zone   IANA zone id, e.g. {@code America/Los_Angeles}; meetings are shown in it, zone named
 * @param cities the cities the convoy visits, by id
 * @param days   one entry per convoy day, in date order; a travel day lists two cities
 */
@Document(Edition.COLLECTION)
public record Edition(@Id String id, String name, String zone, List<City> cities, List<ConvoyDay> days,
        TravelMatrix travel) {

    public static final String COLLECTION = "editions";

    public ZoneId zoneId() {
        return ZoneId.of(zone);
    }

    public LocalDate firstDay() {
        return days.get(0).date();
    }

    public LocalDate lastDay() {
        return days.get(days.size() - 1).date();
    }

    /** The convoy day on which an instant falls, in the convoy's zone. */
    public Optional<ConvoyDay> dayOf(Instant instant) {
        return day(instant.atZone(zoneId()).toLocalDate());
    }

    public Optional<ConvoyDay> day(LocalDate date) {
        return days.stream().filter(day -> day.date().equals(date)).findFirst();
    }

    public Optional<City> city(String cityId) {
        return cities.stream().filter(city -> city.id().equals(cityId)).findFirst();
    }

    public String cityName(String cityId) {
        return city(cityId).map(City::name).orElse(cityId);
    }

    /** @param id stable code such as {@code LOS_ANGELES} */
    public record City(String id, String name) {
    }

    /** @param cities the cities the convoy is in that day; two on a travel day */
    public record ConvoyDay(LocalDate date, List<String> cities) {

        public boolean in(String cityId) {
            return cities.contains(cityId);
        }
    }
}
