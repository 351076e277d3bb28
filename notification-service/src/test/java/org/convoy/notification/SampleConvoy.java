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
        events.publish(new ConvoyPublished(UUID.randomUUID(), Instant.now(), 1, ID, 0, new ConvoyDetails(
                Map.of("es", SPANISH, "en", ENGLISH), LocalDate.parse("2023-02-27"), LocalDate.parse("2023-03-03"),
                "America/Los_Angeles", List.of(new ConvoyDetails.City("LOS_ANGELES", "Los Angeles", "America/Los_Angeles")),
                "OPEN", null, null, LocalDate.parse("2024-03-03"),
                List.of(new ConvoyDetails.Day(LocalDate.parse("2023-02-27"), List.of("LOS_ANGELES"))))));
        await().atMost(Duration.ofSeconds(20)).until(() -> mongo.findById(ID, ConvoyCopy.class) != null);
    }
}
