package org.convoy.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.convoy.events.DelegateApproved;
import org.convoy.events.DelegateProfile;
import org.convoy.events.DelegateRegistered;
import org.convoy.events.Topics;
import org.convoy.notification.contact.domain.ContactRepository;
import org.convoy.support.test.EventProbe;
import org.convoy.support.test.ExportedMetrics;
import org.convoy.support.test.Http;
import org.convoy.support.test.ServiceIntegrationTest;
import org.convoy.support.test.TestEventPublisher;
import org.convoy.support.test.TestTokens;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.env.Environment;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What notification cannot do ends on its dead-letter topic, where organizers see it and replay it: an unreadable
 * event goes back to its topic; a notice that failed for good goes back in line and is sent once the channel works.
 */
@ServiceIntegrationTest
@TestPropertySource(properties = { "convoy.notification.retry.max-attempts=1", "convoy.notification.retry.poll=200ms",
        "convoy.notification.quiet-hours.enabled=false" })
class DeadLettersIT {

    /** Stopped at first: the SMTP server is down until a test starts it. */
    static final Mailbox SMTP = new Mailbox();
    static final JsonMapper JSON = JsonMapper.builder().build();
    static final String ORGANIZER = TestTokens.organizer();

    @DynamicPropertySource
    static void smtp(DynamicPropertyRegistry registry) {
        SMTP.serve(registry);
    }

    @AfterAll
    static void stopSmtp() {
        SMTP.stop();
    }

    @Autowired
    TestEventPublisher events;

    @Autowired
    ContactRepository contacts;

    @Autowired
    Environment environment;

    @LocalServerPort
    int port;

    @Test
    void anUnreadableEventIsShownToOrganizersAndReplayedToItsTopic() {
        String key = UUID.randomUUID().toString();

        events.publishRaw(Topics.DELEGATES, key, "DelegateRegistered", "{not json".getBytes(StandardCharsets.UTF_8));

        JsonNode letter = awaitLetter(node -> key.equals(node.path("key").asString()));
        UUID later = UUID.randomUUID();
        events.publish(new DelegateRegistered(UUID.randomUUID(), Instant.now(), 1, later, "california-2023", later,
                new DelegateProfile("Luis", "Hernández", "luis." + later + "@example.org", null, "es", "MAYOR",
                        "MX-JAL", "Zapopan", "Gobierno Municipal de Zapopan", null, List.of(), List.of(),
                        Set.of("EMAIL"))));
        await("later events still flow").atMost(Duration.ofSeconds(20)).until(() -> contacts.existsById(later));
        assertThat(letter.path("kind").asString()).isEqualTo("EVENT");
        assertThat(letter.path("originalTopic").asString()).isEqualTo(Topics.DELEGATES);
        assertThat(letter.path("eventType").asString()).isEqualTo("DelegateRegistered");
        assertThat(letter.path("payload").asString()).isEqualTo("{not json");
        assertThat(letter.path("status").asString()).isEqualTo("DEAD");

        try (EventProbe delegates = new EventProbe(environment.getRequiredProperty(
                "spring.cloud.stream.kafka.binder.brokers"), Topics.DELEGATES)) {
            var replayed = Http.postJson(url("/dead-letters/" + letter.path("id").asString() + "/replay"), "", ORGANIZER);
            assertThat(replayed.statusCode()).as(replayed.body()).isEqualTo(200);
            assertThat(JSON.readTree(replayed.body()).path("status").asString()).isEqualTo("REPLAYED");
            await().atMost(Duration.ofSeconds(20)).until(() -> delegates.recordsWithKey(key).size() == 2);
        }
        assertThat(Http.postJson(url("/dead-letters/" + letter.path("id").asString() + "/replay"), "", ORGANIZER)
                .statusCode()).as("replayed once only").isEqualTo(409);
        assertThat(Http.get(url("/dead-letters"), TestTokens.token("delegate", List.of("DELEGATE"))).statusCode())
                .isEqualTo(403);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(nullValues = "none", value = { "none", "DelegateTeleported" })
    void anEventWithoutAKnownTypeIsADeadLetterNotADropAndLaterEventsFlow(String eventType) {
        String key = UUID.randomUUID().toString();

        events.publishRaw(Topics.DELEGATES, key, eventType, "{\"eventId\":\"%s\"}".formatted(UUID.randomUUID())
                .getBytes(StandardCharsets.UTF_8));

        JsonNode letter = awaitLetter(node -> key.equals(node.path("key").asString()));
        assertThat(letter.path("kind").asString()).isEqualTo("EVENT");
        assertThat(letter.path("originalTopic").asString()).isEqualTo(Topics.DELEGATES);
        assertThat(letter.path("status").asString()).isEqualTo("DEAD");
        UUID later = UUID.randomUUID();
        events.publish(new DelegateRegistered(UUID.randomUUID(), Instant.now(), 1, later, "california-2023", later,
                new DelegateProfile("Olga", "Ruiz", "olga." + later + "@example.org", null, "es", "MAYOR",
                        "MX-JAL", "Zapopan", "Gobierno Municipal de Zapopan", null, List.of(), List.of(),
                        Set.of("EMAIL"))));
        await("later events still flow").atMost(Duration.ofSeconds(20)).until(() -> contacts.existsById(later));
    }

    @Test
    void aNoticeThatFailedForGoodIsReplayedOnceTheChannelWorksAgain() throws Exception {
        UUID delegate = UUID.randomUUID();
        String email = "dead." + delegate.toString().substring(0, 8) + "@example.org";
        events.publish(new DelegateRegistered(UUID.randomUUID(), Instant.now(), 1, delegate, "california-2023", delegate,
                new DelegateProfile("Inés", "Hernández", email, null, "es", "MAYOR", "MX-JAL", "Zapopan",
                        "Gobierno Municipal de Zapopan", null, List.of(), List.of(), Set.of("EMAIL"))));
        await().atMost(Duration.ofSeconds(20)).until(() -> contacts.existsById(delegate));
        JsonNode before = system();

        events.publish(new DelegateApproved(UUID.randomUUID(), Instant.now(), 1, delegate, "california-2023"));

        JsonNode letter = awaitLetter(node -> "NOTICE".equals(node.path("kind").asString())
                && node.path("noticeId").asString().contains(delegate.toString()));
        assertThat(Http.get(url("?delegateId=" + delegate), ORGANIZER).body()).contains("\"status\":\"DEAD\"");
        JsonNode failed = system();
        assertThat(failed.path("service").asString()).isEqualTo("notification-service");
        // Other notices of this store may fail meanwhile (the SMTP server is down): the counts only grow here.
        assertThat(failed.path("counts").path("notices").path("DEAD").asLong()).as("the system panel's failed notices")
                .isGreaterThanOrEqualTo(before.path("counts").path("notices").path("DEAD").asLong() + 1);
        assertThat(failed.path("deadLetters").path("kept").asString()).isEqualTo("STORE");
        assertThat(failed.path("deadLetters").path("waiting").asLong()).as("the system panel's dead letters")
                .isGreaterThan(before.path("deadLetters").path("waiting").asLong());
        SMTP.start();

        var replayed = Http.postJson(url("/dead-letters/" + letter.path("id").asString() + "/replay"), "", ORGANIZER);

        assertThat(replayed.statusCode()).as(replayed.body()).isEqualTo(200);
        assertThat(SMTP.await(email, 1).get(0).getSubject()).isEqualTo("Convoy: tu registro fue aprobado, Inés");
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(
                Http.get(url("?delegateId=" + delegate), ORGANIZER).body()).contains("\"status\":\"SENT\""));
        JsonNode sent = system();
        assertThat(sent.path("deadLetters").path("by").path("REPLAYED").asLong())
                .isGreaterThan(failed.path("deadLetters").path("by").path("REPLAYED").asLong());
        assertThat(Http.get(url("/system"), TestTokens.scoped("limited.organizer", List.of("california-2023")))
                .statusCode()).as("for organizers of every convoy, as dead letters are").isEqualTo(403);

        String scrape = Http.get("http://localhost:" + port + "/actuator/prometheus").body();
        assertThat(ExportedMetrics.namesIn(scrape)).as("what the dashboards and alerts use")
                .containsAll(ExportedMetrics.listedFor("notification"));
        assertThat(scrape).containsPattern("convoy_events_dead_lettered_total\\{[^}]*dead_letter_topic=\""
                + "convoy\\.notification\\.dead-letters\"[^}]*topic=\"notices\"");
    }

    private JsonNode system() {
        var response = Http.get(url("/system"), ORGANIZER);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    private JsonNode awaitLetter(java.util.function.Predicate<JsonNode> which) {
        await().atMost(Duration.ofSeconds(30)).until(() -> letters().stream().anyMatch(which));
        return letters().stream().filter(which).findFirst().orElseThrow();
    }

    private List<JsonNode> letters() {
        return JSON.readTree(Http.get(url("/dead-letters"), ORGANIZER).body()).valueStream().toList();
    }

    private String url(String path) {
        return "http://localhost:" + port + "/api/notifications" + path;
    }
}
