package org.convoy.scheduling.convoy.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.convoy.events.ConvoyDatesChanged;
import org.convoy.events.ConvoyDetails;
import org.convoy.events.ConvoyPublished;
import org.convoy.support.outbox.OutboxEntry;
import org.convoy.support.outbox.Outboxed;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A convoy as scheduling keeps it, the one definition the platform has: its name in each language, its days, the
 * cities of each day and their zones, how long it takes to get from one venue to another, its places by role, its
 * registration window, how long its delegates' data is kept, and where it stands ({@link ConvoyStatus}). Each
 * publication is recorded with the convoy in one write ({@link ConvoyPublished} in its outbox), so every other
 * service keeps its copy from the convoy stream.
 *
 * @param names        the name by language tag ({@code es}, {@code en})
 * @param zone         IANA zone id of the first city, e.g. {@code America/Los_Angeles}; meetings are shown in it,
 *                     zone named
 * @param cities       the cities the convoy visits, by id, each with its zone
 * @param days         one entry per convoy day, in date order; a travel day lists two cities
 * @param status       where the convoy stands; stored convoys from before it had one read as {@code OPEN}
 * @param registration when delegates may register
 * @param places       places by role, which registration hands out
 * @param retainUntil  after this day the personal data of the convoy's delegates may be erased
 * @param reminders    the reminders attendees get before each meeting; stored convoys from before they had them
 *                     read as {@link Reminder#DEFAULTS}
 * @param copiedFrom   the convoy this one was copied from, if any
 * @param sequence     grows with every publication
 */
@Document(Convoy.COLLECTION)
public record Convoy(@Id String id, Map<String, String> names, String zone, List<City> cities, List<Day> days,
        TravelMatrix travel, ConvoyStatus status, RegistrationWindow registration, Capacity places,
        LocalDate retainUntil, List<Reminder> reminders, String copiedFrom, int sequence, List<OutboxEntry> outbox,
        @Version Long version)
        implements Outboxed {

    public static final String COLLECTION = "convoys";

    public Convoy {
        names = names == null ? Map.of() : Map.copyOf(names);
        outbox = outbox == null ? List.of() : List.copyOf(outbox);
        status = status == null ? ConvoyStatus.OPEN : status;
        reminders = reminders == null ? Reminder.DEFAULTS : List.copyOf(reminders);
    }

    /** A new convoy, a draft until organizers open it. */
    public static Convoy draft(String id, ConvoyDefinition definition, String copiedFrom) {
        return new Convoy(id, definition.names(), definition.cities().get(0).zone(), definition.cities(),
                definition.days(), definition.travel(), ConvoyStatus.DRAFT, definition.registration(),
                definition.places(), definition.retainUntil(), definition.reminders(), copiedFrom, 0, List.of(), null);
    }

    /** The convoy with a new definition, published with the next sequence; a new date range is announced too. */
    public Convoy redefined(ConvoyDefinition definition, Instant now) {
        Convoy changed = new Convoy(id, definition.names(), definition.cities().get(0).zone(), definition.cities(),
                definition.days(), definition.travel(), status, definition.registration(), definition.places(),
                definition.retainUntil(), definition.reminders(), copiedFrom, sequence + 1, outbox, version);
        if (changed.firstDay().equals(firstDay()) && changed.lastDay().equals(lastDay())) {
            return changed.published(now);
        }
        return changed.published(now).announcing(new ConvoyDatesChanged(UUID.randomUUID(), now,
                ConvoyDatesChanged.SCHEMA_VERSION, id, changed.sequence, firstDay(), lastDay(), changed.firstDay(),
                changed.lastDay()));
    }

    /** The convoy in a new status, published with the next sequence. */
    public Convoy moved(ConvoyStatus next, Instant now) {
        return new Convoy(id, names, zone, cities, days, travel, next, registration, places, retainUntil, reminders,
                copiedFrom, sequence + 1, outbox, version).published(now);
    }

    /** What an organizer wrote of the convoy, as she would edit it again. */
    public ConvoyDefinition definition() {
        return new ConvoyDefinition(names, cities, days, travel, places, registration, retainUntil, reminders);
    }

    /** Whether registration takes delegates at this moment. */
    public boolean registering(Instant now) {
        return status == ConvoyStatus.OPEN && registration != null && registration.covers(now);
    }

    /** The name in the given language, or in Spanish, or in any language the convoy has. */
    public String name(String language) {
        return details().name(language);
    }

    /** What other services and people are told of the convoy. */
    public ConvoyDetails details() {
        return new ConvoyDetails(names, firstDay(), lastDay(), zone,
                cities.stream().map(city -> new ConvoyDetails.City(city.id(), city.name(), zoneOf(city))).toList(),
                status.name(),
                registration == null ? null
                        : new ConvoyDetails.Registration(registration.opensAt(), registration.closesAt()),
                places == null ? null : new ConvoyDetails.Places(places.total(), places.byRole()),
                retainUntil,
                days.stream().map(day -> new ConvoyDetails.Day(day.date(), day.cities())).toList(),
                reminders.stream().map(Reminder::published).toList(),
                travel == null ? null : new ConvoyDetails.Travel(travel.betweenCitiesMinutes(), travel.cityLegs().stream()
                        .map(leg -> new ConvoyDetails.Leg(leg.from(), leg.to(), leg.minutes())).toList()));
    }

    /** The convoy as it now stands, announced to the platform ({@link ConvoyPublished} with its sequence). */
    public Convoy published(Instant now) {
        List<OutboxEntry> pending = new ArrayList<>(outbox);
        pending.add(OutboxEntry.of(new ConvoyPublished(UUID.randomUUID(), now, ConvoyPublished.SCHEMA_VERSION, id,
                sequence, details())));
        return withOutbox(pending);
    }

    private Convoy announcing(ConvoyDatesChanged event) {
        List<OutboxEntry> pending = new ArrayList<>(outbox);
        pending.add(OutboxEntry.of(event));
        return withOutbox(pending);
    }

    private Convoy withOutbox(List<OutboxEntry> pending) {
        return new Convoy(id, names, zone, cities, days, travel, status, registration, places, retainUntil, reminders,
                copiedFrom, sequence, pending, version);
    }

    @Override
    public List<OutboxEntry> pendingEvents() {
        return outbox;
    }

    public ZoneId zoneId() {
        return ZoneId.of(zone);
    }

    public LocalDate firstDay() {
        return days.get(0).date();
    }

    public LocalDate lastDay() {
        return days.get(days.size() - 1).date();
    }

    /** An instant as people at the convoy read it: in its zone, with the offset. */
    public OffsetDateTime local(Instant instant) {
        return instant == null ? null : instant.atZone(zoneId()).toOffsetDateTime();
    }

    /** An instant as people in one of the convoy's cities read it: in that city's zone, with the offset. */
    public OffsetDateTime local(Instant instant, String cityId) {
        return instant == null ? null : instant.atZone(zoneOf(cityId)).toOffsetDateTime();
    }

    /** Whether a span starts and ends on one and the same day of the convoy, as read in that city. */
    public boolean onOneDay(Instant startsAt, Instant endsAt, String cityId) {
        Optional<Day> first = dayOf(startsAt, cityId);
        return first.isPresent() && first.equals(dayOf(endsAt.minusNanos(1), cityId));
    }

    /** The convoy day on which an instant falls, as read in that city (a convoy may cross zones). */
    public Optional<Day> dayOf(Instant instant, String cityId) {
        return day(instant.atZone(zoneOf(cityId)).toLocalDate());
    }

    /** The zone of one of the convoy's cities; the convoy's own for a city it does not list. */
    public ZoneId zoneOf(String cityId) {
        return ZoneId.of(city(cityId).map(this::zoneOf).orElse(zone));
    }

    public Optional<Day> day(LocalDate date) {
        return days.stream().filter(day -> day.date().equals(date)).findFirst();
    }

    public Optional<City> city(String cityId) {
        return cities.stream().filter(city -> city.id().equals(cityId)).findFirst();
    }

    public String cityName(String cityId) {
        return city(cityId).map(City::name).orElse(cityId);
    }

    /** The zone of a city, or the convoy's own for a city stored before cities had one. */
    public String zoneOf(City city) {
        return city.zone() == null ? zone : city.zone();
    }

    /**
     * @param id   stable code such as {@code LOS_ANGELES}
     * @param zone IANA zone id of the city
     */
    public record City(String id, String name, String zone) {
    }

    /** @param cities the cities the convoy is in that day; two on a travel day */
    public record Day(LocalDate date, List<String> cities) {

        public boolean in(String cityId) {
            return cities.contains(cityId);
        }
    }
}
