package org.convoy.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import io.micrometer.core.instrument.MeterRegistry;
import org.convoy.events.DelegateProfile;
import org.convoy.events.DelegateRegistered;
import org.convoy.events.Topics;
import org.convoy.notification.contact.domain.ContactRepository;
import org.convoy.notification.deadletter.domain.DeadLetter;
import org.convoy.support.test.StoppableStore;
import org.convoy.support.test.StoreOutageTest;
import org.convoy.support.test.TestEventPublisher;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

/**
 * A delegate's event that reaches notification while its database is away waits for the database, on the delegate
 * stream whose retries notification handles itself, instead of being dead-lettered after its attempts; once the
 * database is back, the same process handles it.
 */
@StoreOutageTest
class StoreOutageIT {

    @Autowired
    TestEventPublisher events;

    @Autowired
    ContactRepository contacts;

    @Autowired
    MeterRegistry meters;

    @Autowired
    MongoOperations mongo;

    @AfterEach
    void storeIsBack() {
        StoppableStore.server().restart();
    }

    @Test
    void anEventMetByADatabaseOutageWaitsForTheDatabaseAndIsThenHandled() {
        UUID delegate = UUID.randomUUID();

        StoppableStore.server().stop();
        events.publish(new DelegateRegistered(UUID.randomUUID(), Instant.now(), 1, delegate, "california-2023", delegate,
                new DelegateProfile("Inés", "Hernández", "outage." + delegate.toString().substring(0, 8)
                        + "@example.org", null, "es", "MAYOR", "MX-JAL", "Zapopan", "Gobierno Municipal de Zapopan",
                        null, List.of(), List.of(), Set.of("EMAIL"))));
        // More deliveries than a failing event gets (max-attempts 3) before it is dead-lettered.
        await("the event is delivered again while the database is away").atMost(Duration.ofSeconds(40))
                .until(() -> storeWaits() >= 4);

        StoppableStore.server().restart();

        await("the event is handled once the database is back").atMost(Duration.ofSeconds(30))
                .until(() -> contacts.existsById(delegate));
        assertThat(mongo.count(Query.query(new Criteria().orOperator(Criteria.where("key").is(delegate.toString()),
                Criteria.where("delegateIds").is(delegate))), DeadLetter.class)).as("not dead-lettered").isZero();
    }

    private double storeWaits() {
        return meters.find("convoy.events.store-unavailable").tag("topic", Topics.DELEGATES).counters().stream()
                .mapToDouble(counter -> counter.count()).sum();
    }
}
