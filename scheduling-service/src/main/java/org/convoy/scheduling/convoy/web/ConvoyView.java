package org.convoy.scheduling.convoy.web;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

import org.convoy.scheduling.convoy.domain.Capacity;
import org.convoy.scheduling.convoy.domain.Convoy;
import org.convoy.scheduling.convoy.domain.ConvoyStatus;
import org.convoy.scheduling.convoy.domain.Reminder;
import org.convoy.scheduling.convoy.domain.TravelMatrix;

/**
 * A convoy as organizers read it, in the shape they write it ({@link ConvoyRequest}): names, status, dates, zone,
 * cities, days, travel times, places, registration window (in the first city's zone), retention and
 * reminders; plus the
 * statuses it may move to next.
 */
record ConvoyView(String id, Map<String, String> names, ConvoyStatus status, List<ConvoyStatus> nextStatuses,
        LocalDate startsOn, LocalDate endsOn, String zone, List<Convoy.City> cities, List<Convoy.Day> days,
        TravelMatrix travel, Capacity places, Window registration, LocalDate retainUntil, List<Reminder> reminders,
        String copiedFrom, int sequence) {

    record Window(OffsetDateTime opensAt, OffsetDateTime closesAt) {
    }

    static ConvoyView of(Convoy convoy) {
        return new ConvoyView(convoy.id(), convoy.names(), convoy.status(),
                convoy.status().next().stream().sorted().toList(), convoy.firstDay(), convoy.lastDay(),
                convoy.zone(), convoy.cities().stream()
                        .map(city -> new Convoy.City(city.id(), city.name(), convoy.zoneOf(city))).toList(),
                convoy.days(), convoy.travel(), convoy.places(),
                convoy.registration() == null ? null : new Window(convoy.local(convoy.registration().opensAt()),
                        convoy.local(convoy.registration().closesAt())),
                convoy.retainUntil(), convoy.reminders(), convoy.copiedFrom(), convoy.sequence());
    }
}
