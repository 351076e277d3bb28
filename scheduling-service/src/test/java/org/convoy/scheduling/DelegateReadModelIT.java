package org.convoy.scheduling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.bson.Document;
import org.convoy.events.ConvoyEvent;
import org.convoy.events.DelegateApproved;
import org.convoy.events.DelegateDataKeys;
import org.convoy.events.DelegateErased;
import org.convoy.events.DelegateKeyDestroyed;
import org.convoy.events.DelegateKeyShared;
import org.convoy.events.DelegateProfile;
import org.convoy.events.DelegateRegistered;
import org.convoy.events.DelegateUpdated;
import org.convoy.scheduling.delegate.domain.ScheduledDelegate;
import org.convoy.scheduling.delegate.domain.ScheduledDelegateRepository;
import org.convoy.support.test.Http;
import org.convoy.support.test.ServiceIntegrationTest;
import org.convoy.support.test.TestEventPublisher;
import org.convoy.support.test.TestSecrets;
import org.convoy.support.test.TestTokens;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoOperations;

/** Scheduling's delegate read model, fed by real events on a real broker. */
@ServiceIntegrationTest
class DelegateReadModelIT {

    private static final String ORGANIZER = TestTokens.organizer();

    @Autowired
    ScheduledDelegateRepository delegates;

    @LocalServerPort
    int port;

    @Autowired
    TestEventPublisher events;

    @Autowired
    MongoOperations mongo;

    private static final DelegateDataKeys KEYS = new DelegateDataKeys(TestSecrets.DELEGATE_DATA);

    @Test
    void registeredThenApprovedDelegateBecomesSchedulableAndIsServedOverHttp() {
        UUID id = UUID.randomUUID();

        publish(new DelegateRegistered(UUID.randomUUID(), Instant.now(), 1, id, "california-2023", id, profile()));
        publish(new DelegateApproved(UUID.randomUUID(), Instant.now(), 1, id, "california-2023"));

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(delegates.findById(id))
                .hasValueSatisfying(delegate -> assertThat(delegate.schedulable()).isTrue()));
        ScheduledDelegate delegate = delegates.findById(id).orElseThrow();
        assertThat(delegate.givenName()).isEqualTo("Jorge");
        assertThat(delegate.sectors()).containsExactly("AUTOMOTIVE");

        HttpResponse<String> response = Http.get("http://localhost:" + port + "/api/scheduling/delegates/" + id, ORGANIZER);
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("\"status\":\"APPROVED\"", "Jorge");
    }

    @Test
    void aRedeliveredRegistrationDoesNotUndoALaterApproval() {
        UUID id = UUID.randomUUID();
        DelegateRegistered registered = new DelegateRegistered(UUID.randomUUID(), Instant.now(), 1, id, "california-2023", id,
                profile());

        publish(registered);
        publish(new DelegateApproved(UUID.randomUUID(), Instant.now(), 1, id, "california-2023"));
        publish(registered);
        UUID marker = UUID.randomUUID();
        publish(new DelegateRegistered(UUID.randomUUID(), Instant.now(), 1, marker, "california-2023", marker, profile()));

        await().atMost(Duration.ofSeconds(20)).until(() -> delegates.existsById(marker));
        assertThat(delegates.findById(id).orElseThrow().status()).isEqualTo(ScheduledDelegate.Status.APPROVED);
    }

    @Test
    void aChangeThatNeedsReviewTakesAnApprovedDelegateOutOfPlanning() {
        UUID id = UUID.randomUUID();
        publish(new DelegateRegistered(UUID.randomUUID(), Instant.now(), 1, id, "california-2023", id, profile()));
        publish(new DelegateApproved(UUID.randomUUID(), Instant.now(), 1, id, "california-2023"));
        await().atMost(Duration.ofSeconds(20)).until(() -> delegates.findById(id).map(ScheduledDelegate::schedulable)
                .orElse(false));
        DelegateProfile moved = new DelegateProfile("Jorge", "Ramírez", "jorge@ramos-arizpe.gob.mx", null, "es", "MAYOR",
                "MX-COA", "Ramos Arizpe", "Asociación de Municipios de Coahuila", "Presidente", List.of("AUTOMOTIVE"),
                List.of("ECONOMIC"), Set.of("EMAIL"));

        publish(new DelegateUpdated(UUID.randomUUID(), Instant.now(), 1, id, "california-2023", moved, true));

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            ScheduledDelegate delegate = delegates.findById(id).orElseThrow();
            assertThat(delegate.organization()).isEqualTo("Asociación de Municipios de Coahuila");
            assertThat(delegate.status()).isEqualTo(ScheduledDelegate.Status.SUBMITTED);
            assertThat(delegate.schedulable()).isFalse();
        });
    }

    @Test
    void erasedDelegateIsForgotten() {
        UUID id = UUID.randomUUID();
        publish(new DelegateRegistered(UUID.randomUUID(), Instant.now(), 1, id, "california-2023", id, profile()));
        await().atMost(Duration.ofSeconds(20)).until(() -> delegates.existsById(id));

        publish(new DelegateErased(UUID.randomUUID(), Instant.now(), 1, id, "california-2023"));

        await().atMost(Duration.ofSeconds(20)).until(() -> !delegates.existsById(id));
        assertThat(Http.get("http://localhost:" + port + "/api/scheduling/delegates/" + id, ORGANIZER).statusCode()).isEqualTo(404);
    }

    @Test
    void aSealedProfileIsOpenedWithTheDelegatesKeyEvenWhenTheKeyArrivesAMomentLater() {
        UUID id = UUID.randomUUID();
        String key = KEYS.newKey(id);

        publish(new DelegateRegistered(UUID.randomUUID(), Instant.now(), 2, id, "california-2023", id, null,
                KEYS.seal(id, key, profile())));
        publish(new DelegateKeyShared(UUID.randomUUID(), Instant.now(), 1, id, "california-2023", key));

        await().atMost(Duration.ofSeconds(40)).until(() -> delegates.existsById(id));
        assertThat(delegates.findById(id).orElseThrow().givenName()).isEqualTo("Jorge");
    }

    @Test
    void aSealedRegistrationReadAgainAfterItsKeyWasDestroyedLeavesNothingBehind() {
        UUID id = UUID.randomUUID();
        String key = KEYS.newKey(id);
        String sealed = KEYS.seal(id, key, profile());
        publish(new DelegateKeyShared(UUID.randomUUID(), Instant.now(), 1, id, "california-2023", key));
        publish(new DelegateRegistered(UUID.randomUUID(), Instant.now(), 2, id, "california-2023", id, null, sealed));
        await().atMost(Duration.ofSeconds(20)).until(() -> delegates.existsById(id));

        publish(new DelegateKeyDestroyed(UUID.randomUUID(), Instant.now(), 1, id, "california-2023"));
        publish(new DelegateErased(UUID.randomUUID(), Instant.now(), 1, id, "california-2023"));
        await().atMost(Duration.ofSeconds(20)).until(() -> !delegates.existsById(id));
        // The stream read again from the start (a new consumer, a restore): her registration can no longer be read.
        publish(new DelegateRegistered(UUID.randomUUID(), Instant.now(), 2, id, "california-2023", id, null, sealed));
        publish(new DelegateKeyShared(UUID.randomUUID(), Instant.now(), 1, id, "california-2023", key));
        UUID marker = UUID.randomUUID();
        publish(new DelegateRegistered(UUID.randomUUID(), Instant.now(), 1, marker, "california-2023", marker, profile()));

        await().atMost(Duration.ofSeconds(20)).until(() -> delegates.existsById(marker));
        assertThat(delegates.existsById(id)).isFalse();
        assertThat(mongo.findById(id, Document.class, "delegate_keys")).as("only the mark that her key is gone")
                .satisfies(kept -> assertThat(kept.keySet()).containsExactlyInAnyOrder("_id", "destroyed",
                        "destroyedAt"));
    }

    private void publish(ConvoyEvent event) {
        events.publish(event);
    }

    private static DelegateProfile profile() {
        return new DelegateProfile("Jorge", "Ramírez", "jorge@ramos-arizpe.gob.mx", null, "es", "MAYOR", "MX-COA",
                "Ramos Arizpe", "Municipio de Ramos Arizpe", "Presidente Municipal", List.of("AUTOMOTIVE"),
                List.of("ECONOMIC"), Set.of("EMAIL"));
    }
}
