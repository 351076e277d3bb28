package org.convoy.scheduling.convoy.web;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.convoy.scheduling.convoy.domain.Capacity;
import org.convoy.scheduling.convoy.domain.Convoy;
import org.convoy.scheduling.convoy.domain.ConvoyDefinition;
import org.convoy.scheduling.convoy.domain.RegistrationWindow;
import org.convoy.scheduling.convoy.domain.Reminder;
import org.convoy.scheduling.convoy.domain.TravelMatrix;
import org.convoy.support.text.PlainText;

/**
 * A convoy as an organizer writes it. {@code id} and {@code copyFrom} are given when creating one; when changing
 * one, the id in the path is the convoy's and {@code copyFrom} is refused.
 */
record ConvoyRequest(
        @Pattern(regexp = "[a-z0-9][a-z0-9-]{2,59}", message = "lower-case letters, digits and dashes, 3 to 60, "
                + "such as texas-2027")
        String id,
        @Pattern(regexp = "[a-z0-9][a-z0-9-]{2,59}", message = "must be a convoy id such as california-2023")
        String copyFrom,
        @NotNull @Valid NamesRequest names,
        @NotNull LocalDate startsOn,
        @NotNull LocalDate endsOn,
        @NotEmpty @Size(max = 20) List<@NotNull @Valid CityRequest> cities,
        @NotEmpty @Size(max = 31) List<@NotNull @Valid DayRequest> days,
        @NotNull @Valid TravelRequest travel,
        @NotNull @Valid PlacesRequest places,
        @NotNull @Valid WindowRequest registration,
        @NotNull LocalDate retainUntil,
        List<@NotNull @Valid ReminderRequest> reminders) {

    record NamesRequest(@PlainText @NotBlank @Size(max = 200) String es,
            @PlainText @NotBlank @Size(max = 200) String en) {
    }

    record CityRequest(
            @NotNull @Pattern(regexp = "[A-Z][A-Z0-9_]{1,39}", message = "upper-case letters, digits and _, "
                    + "such as SAN_ANTONIO") String id,
            @PlainText @NotBlank @Size(max = 80) String name,
            @NotBlank @Size(max = 60) String zone) {
    }

    record DayRequest(@NotNull LocalDate date,
            @NotEmpty @Size(max = 3) List<@NotNull String> cities) {
    }

    record TravelRequest(@Min(0) @Max(1440) int withinCityMinutes, @Min(0) @Max(2880) int betweenCitiesMinutes,
            @Size(max = 20) Map<String, @NotNull Integer> withinCity,
            @Size(max = 200) List<@NotNull @Valid LegRequest> cityLegs,
            @Size(max = 400) List<@NotNull @Valid LegRequest> venueLegs) {
    }

    record LegRequest(@NotBlank @Size(max = 40) String from, @NotBlank @Size(max = 40) String to,
            @Max(2880) int minutes) {
    }

    record PlacesRequest(@Min(1) @Max(10000) int total, @NotEmpty Map<String, @NotNull Integer> byRole) {
    }

    /** {@code hours} before the meeting; checked with the definition ({@code reminders[0].hours}). */
    record ReminderRequest(@NotNull Integer hours, @NotNull Reminder.Channel channel) {
    }

    record WindowRequest(@NotNull OffsetDateTime opensAt, @NotNull OffsetDateTime closesAt) {
    }

    ConvoyDefinition definition() {
        return new ConvoyDefinition(Map.of("es", names.es().strip(), "en", names.en().strip()),
                cities.stream().map(city -> new Convoy.City(city.id(), city.name().strip(), city.zone())).toList(),
                days.stream().map(day -> new Convoy.Day(day.date(), List.copyOf(day.cities()))).toList(),
                new TravelMatrix(travel.withinCityMinutes(), travel.betweenCitiesMinutes(), travel.withinCity(),
                        legs(travel.cityLegs()), legs(travel.venueLegs())),
                new Capacity(places.total(), places.byRole()),
                new RegistrationWindow(registration.opensAt().toInstant(), registration.closesAt().toInstant()),
                retainUntil, reminders == null ? null
                        : reminders.stream().map(reminder -> new Reminder(reminder.hours(), reminder.channel())).toList());
    }

    private static List<TravelMatrix.Leg> legs(List<LegRequest> legs) {
        return legs == null ? List.of()
                : legs.stream().map(leg -> new TravelMatrix.Leg(leg.from(), leg.to(), leg.minutes())).toList();
    }
}
