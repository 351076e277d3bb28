package org.convoy.scheduling.host.web;

import java.time.OffsetDateTime;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.convoy.events.Axis;
import org.convoy.events.Sector;
import org.convoy.scheduling.host.HostInput;
import org.convoy.scheduling.host.domain.Host;
import org.convoy.support.text.PlainText;

/**
 * A host as an organizer writes it. {@code hostId} is given when adding a host and may not differ when changing
 * one (the id in the path wins).
 */
record HostRequest(
        @Pattern(regexp = "[a-z0-9][a-z0-9-]{1,39}", message = "lower-case letters, digits and dashes, 2 to 40")
        String hostId,
        @PlainText @NotBlank @Size(max = 120) String name,
        @NotNull @Valid VenueRequest venue,
        @NotNull @Size(max = 8) List<@NotNull Sector> sectors,
        @NotNull @Size(max = 4) List<@NotNull Axis> axes,
        @NotNull @Size(max = 60) List<@NotNull @Valid WindowRequest> availability) {

    record VenueRequest(@PlainText @NotBlank @Size(max = 120) String name,
            @PlainText @NotBlank @Size(max = 200) String address,
            @NotBlank @Size(max = 40) String city, @Min(1) @Max(1000) int roomCapacity) {
    }

    record WindowRequest(@NotNull OffsetDateTime startsAt, @NotNull OffsetDateTime endsAt) {
    }

    HostInput toInput(String id) {
        return new HostInput(id, name.strip(), new Host.Venue(venue.name().strip(), venue.address().strip(), venue.city(),
                venue.roomCapacity()), sectors, axes, availability.stream()
                .map(window -> new Host.Window(window.startsAt().toInstant(), window.endsAt().toInstant())).toList());
    }
}
