package org.convoy.registration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.convoy.events.Topics;
import org.convoy.support.test.Http;
import org.convoy.support.test.ServiceIntegrationTest;
import org.convoy.support.test.TestEventPublisher;
import org.convoy.support.test.TestTokens;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Registration's state for the organizer console's system panel: its outbox read from the store, and its dead letters
 * counted on the broker (the records on its bindings' dead-letter topics); for organizers of every convoy only.
 */
@ServiceIntegrationTest
class SystemStatusIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort
    int port;

    @Autowired
    TestEventPublisher events;

    @Test
    void anUnreadableEventIsCountedAmongTheDeadLettersOnTheBroker() {
        JsonNode before = status();
        assertThat(before.path("service").asString()).isEqualTo("registration-service");
        assertThat(before.path("deadLetters").path("kept").asString()).isEqualTo("KAFKA");
        // error.<topic>.<group>; each test context has a consumer group of its own
        List<String> topics = List.copyOf(before.path("deadLetters").path("by").propertyNames());
        assertThat(topics).anyMatch(topic -> topic.startsWith("error." + Topics.SESSIONS + ".registration-service"));
        String convoysDeadLetters = topics.stream()
                .filter(topic -> topic.startsWith("error." + Topics.CONVOYS + ".registration-service")).findFirst()
                .orElseThrow();
        long waiting = before.path("deadLetters").path("waiting").asLong();
        long onConvoys = before.path("deadLetters").path("by").path(convoysDeadLetters).asLong();

        events.publishRaw(Topics.CONVOYS, "poison-" + UUID.randomUUID(), "ConvoyPublished",
                "{not json".getBytes(StandardCharsets.UTF_8));

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            JsonNode after = status();
            assertThat(after.path("deadLetters").path("by").path(convoysDeadLetters).asLong()).isEqualTo(onConvoys + 1);
            assertThat(after.path("deadLetters").path("waiting").asLong()).isEqualTo(waiting + 1);
            assertThat(after.path("deadLetters").path("unavailable").isNull()).isTrue();
        });
    }

    @Test
    void theOutboxIsReadFromTheStoreAndEmptiesOnceTheBrokerHasEverything() {
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            JsonNode outbox = status().path("outbox");
            assertThat(outbox.path("pending").asLong()).isZero();
            assertThat(outbox.path("oldestPendingSeconds").asLong()).isZero();
        });
    }

    @Test
    void theSystemStateIsForOrganizersOfEveryConvoyOnly() {
        assertThat(Http.get(url()).statusCode()).as("no token").isEqualTo(401);
        assertThat(Http.get(url(), TestTokens.token("delegate", List.of("DELEGATE"))).statusCode()).as("not an organizer")
                .isEqualTo(403);
        HttpResponse<String> limited = Http.get(url(), TestTokens.scoped("limited.organizer", List.of("california-2023")));
        assertThat(limited.statusCode()).as("an organizer limited to one convoy").isEqualTo(403);
        assertThat(limited.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(Http.get(url(), TestTokens.admin()).statusCode()).isEqualTo(200);
    }

    private JsonNode status() {
        HttpResponse<String> response = Http.get(url(), TestTokens.organizer());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    private String url() {
        return "http://localhost:" + port + "/api/registrations/system";
    }
}
