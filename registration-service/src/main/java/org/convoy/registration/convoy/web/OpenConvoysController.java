package org.convoy.registration.convoy.web;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import org.convoy.registration.convoy.ConvoyCatalog;
import org.convoy.registration.convoy.domain.ConvoyListing;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The convoys the registration page offers: those open for registration, with their year, cities and window, and
 * whether they take registrations now, not yet, or no longer. Public: it tells nothing of delegates.
 */
@RestController
class OpenConvoysController {

    private final ConvoyCatalog convoys;
    private final Clock clock;

    OpenConvoysController(ConvoyCatalog convoys, Clock clock) {
        this.convoys = convoys;
        this.clock = clock;
    }

    @GetMapping("/api/registrations/convoys")
    List<OpenConvoy> open() {
        return convoys.open().stream().map(convoy -> OpenConvoy.of(convoy, clock)).toList();
    }

    /**
     * @param registration {@code OPEN}, {@code NOT_YET_OPEN} or {@code CLOSED} at this moment
     * @param opensAt      in the convoy's zone
     */
    record OpenConvoy(String id, Map<String, String> names, int year, LocalDate startsOn, LocalDate endsOn,
            List<String> cities, ConvoyListing.RegistrationState registration, OffsetDateTime opensAt,
            OffsetDateTime closesAt) {

        static OpenConvoy of(ConvoyListing convoy, Clock clock) {
            var details = convoy.details();
            ZoneId zone = ZoneId.of(details.zone());
            return new OpenConvoy(convoy.id(), details.names(), details.startsOn().getYear(), details.startsOn(),
                    details.endsOn(), details.cities().stream().map(city -> city.name()).toList(),
                    convoy.registration(clock.instant()),
                    details.registration().opensAt().atZone(zone).toOffsetDateTime(),
                    details.registration().closesAt().atZone(zone).toOffsetDateTime());
        }
    }
}
