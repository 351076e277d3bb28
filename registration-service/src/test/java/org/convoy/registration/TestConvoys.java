package org.convoy.registration;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.convoy.events.ConvoyDetails;
import org.convoy.events.ConvoyPublished;
import org.convoy.registration.convoy.ConvoyCatalog;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.stereotype.Component;

/**
 * The convoys registration's tests register for. Registration learns of convoys from the convoy stream, which
 * scheduling publishes; here each is handed to the catalog as that stream would deliver it. At start-up,
 * {@code california-2023} is published open for registration, with 150 places, so every test can register for it.
 */
@Component
public class TestConvoys implements SmartInitializingSingleton {

    public static final String CALIFORNIA = "california-2023";
    /** Open from long before the tests' clocks to long after. */
    public static final ConvoyDetails.Registration ALWAYS_OPEN = new ConvoyDetails.Registration(
            Instant.parse("2020-01-01T00:00:00Z"), Instant.parse("2100-01-01T00:00:00Z"));

    private final ConvoyCatalog catalog;

    TestConvoys(ConvoyCatalog catalog) {
        this.catalog = catalog;
    }

    @Override
    public void afterSingletonsInstantiated() {
        catalog.published(publication(CALIFORNIA, 1, "OPEN", ALWAYS_OPEN, 150,
                Map.of("MAYOR", 50, "STATE_REPRESENTATIVE", 15, "BUSINESS_DELEGATE", 30, "STAFF", 55),
                LocalDate.of(2024, 3, 3)));
    }

    /** Publishes a convoy as scheduling would. */
    public void publish(ConvoyPublished publication) {
        catalog.published(publication);
    }

    public static ConvoyPublished publication(String id, int sequence, String status,
            ConvoyDetails.Registration registration, int total, Map<String, Integer> byRole, LocalDate retainUntil) {
        return new ConvoyPublished(UUID.randomUUID(), Instant.now(), 1, id, sequence, new ConvoyDetails(
                Map.of("es", "Convoy de prueba " + id, "en", "Test convoy " + id), LocalDate.of(2023, 2, 27),
                LocalDate.of(2023, 3, 3), "America/Los_Angeles",
                List.of(new ConvoyDetails.City("LOS_ANGELES", "Los Angeles", "America/Los_Angeles")), status,
                registration, new ConvoyDetails.Places(total, byRole), retainUntil,
                List.of(new ConvoyDetails.Day(LocalDate.of(2023, 2, 27), List.of("LOS_ANGELES")))));
    }
}
