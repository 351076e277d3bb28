package org.convoy.scheduling.convoy.web;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.convoy.scheduling.convoy.domain.Convoy;
import org.convoy.scheduling.convoy.domain.TravelMatrix;

/** A convoy as planners read it: names, dates, zone, cities, days and travel times. */
record ConvoyView(String id, Map<String, String> names, LocalDate startsOn, LocalDate endsOn, String zone,
        List<Convoy.City> cities, List<Convoy.Day> days, TravelMatrix travel) {

    static ConvoyView of(Convoy convoy) {
        return new ConvoyView(convoy.id(), convoy.names(), convoy.firstDay(), convoy.lastDay(), convoy.zone(),
                convoy.cities(), convoy.days(), convoy.travel());
    }
}
