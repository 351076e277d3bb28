package org.convoy.notification;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.convoy.events.ConvoyDetails;
import org.convoy.events.ConvoyPublished;
import org.convoy.notification.convoy.domain.ConvoyCopy;
import org.convoy.support.test.TestEventPublisher;
import org.springframework.data.mongodb.core.MongoOperations;

/** The convoy the notification tests write about, published on the convoy stream as scheduling would. */
final class SampleConvoy {

    static final String ID = "california-2023";
    static final String SPANISH = "Convoy California 2023";
    static final String ENGLISH = "California 2023 Convoy";

    private SampleConvoy() {
    }

    /** Publishes the convoy and waits until notification keeps its copy. */
    static void publish(TestEventPublisher events, MongoOperations mongo) {
        publish(events, mongo, ID, List.of(new ConvoyDetails.City("LOS_ANGELES", "Los Angeles", "America/Los_Angeles")),
                null);
    }

    /** Publishes a convoy by that id, through those cities with those travel times, and waits for notification's copy. */
    static void publish(TestEventPublisher events, MongoOperations mongo, String id, List<ConvoyDetails.City> cities,
            ConvoyDetails.Travel travel) {
        events.publish(new ConvoyPublished(UUID.randomUUID(), Instant.now(), 1, id, 0, new ConvoyDetails(
                Map.of("es", SPANISH, "en", ENGLISH), LocalDate.parse("2023-02-27"), LocalDate.parse("2023-03-03"),
                "America/Los_Angeles", cities, "OPEN", null, null, LocalDate.parse("2024-03-03"),
                List.of(new ConvoyDetails.Day(LocalDate.parse("2023-02-27"), List.of("LOS_ANGELES"))), null, travel)));
        await().atMost(Duration.ofSeconds(20)).until(() -> mongo.findById(id, ConvoyCopy.class) != null);
    }
}
