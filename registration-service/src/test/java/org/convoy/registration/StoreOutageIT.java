package org.convoy.registration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.convoy.support.test.ProblemAssertions.assertProblem;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;

import io.micrometer.core.instrument.MeterRegistry;
import org.convoy.events.Topics;
import org.convoy.support.test.EventProbe;
import org.convoy.support.test.Http;
import org.convoy.support.test.StoppableStore;
import org.convoy.support.test.StoreOutageTest;
import org.convoy.support.test.TestEventPublisher;
import org.convoy.support.test.TestTokens;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.env.Environment;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Registration while its database is away: a delegate's registration and an organizer's list are answered 503 with
 * {@code Retry-After} within seconds instead of hanging, readiness names the database while liveness stays up, and an
 * event that arrives meanwhile waits for the database instead of going to the dead-letter topic. Once the database is
 * back, the same process answers 2xx, is ready, and handles the event, with no restart.
 */
@StoreOutageTest
class StoreOutageIT {

    /** The store's server selection timeout (2 s) and what it costs to answer. */
    static final Duration QUICKLY = Duration.ofSeconds(3);
    static final String ORGANIZER = TestTokens.organizer();

    @LocalServerPort
    int port;

    @Autowired
    TestEventPublisher events;

    @Autowired
    MeterRegistry meters;

    @Autowired
    Environment environment;

    private final JsonMapper json = JsonMapper.builder().build();

    @AfterEach
    void storeIsBack() {
        StoppableStore.server().restart();
    }

    @Test
    void whileTheDatabaseIsAwayCallsAre503WithinSecondsAndAllIsWellAgainWhenItReturnsWithoutARestart() {
        assertThat(register().statusCode()).isEqualTo(201);
        assertThat(delegateList().statusCode()).isEqualTo(200);
        String convoy = "outage-" + UUID.randomUUID().toString().substring(0, 8);
        String deadLetterTopic = "error." + Topics.CONVOYS + "."
                + environment.getRequiredProperty("spring.cloud.stream.default.group");

        StoppableStore.server().stop();

        HttpResponse<String> registration = timed(this::register);
        assertProblem(registration, 503, "Service unavailable");
        assertThat(registration.headers().firstValue("Retry-After")).hasValue("5");
        assertThat(json.readTree(registration.body()).path("detail").asString()).contains("database");
        assertProblem(timed(this::delegateList), 503, "Service unavailable");
        HttpResponse<String> ready = Http.get(url("/readyz"));
        assertThat(ready.statusCode()).isEqualTo(503);
        assertThat(components(ready).path("mongo").path("status").asString()).isEqualTo("DOWN");
        assertThat(components(ready).path("readinessState").path("status").asString()).isEqualTo("UP");
        assertThat(Http.get(url("/livez")).statusCode()).isEqualTo(200);

        try (EventProbe deadLetters = new EventProbe(
                environment.getRequiredProperty("spring.cloud.stream.kafka.binder.brokers"), deadLetterTopic)) {
            events.publish(TestConvoys.publication(convoy, 1, "OPEN", TestConvoys.ALWAYS_OPEN, 10,
                    Map.of("MAYOR", 10), LocalDate.of(2030, 1, 1)));
            // More deliveries than a poison event gets (max-attempts 3) before it is dead-lettered.
            await("the event is delivered again while the database is away, never dead-lettered")
                    .atMost(Duration.ofSeconds(40)).untilAsserted(() -> {
                        assertThat(deadLetters.recordsWithKey(convoy)).isEmpty();
                        assertThat(storeWaits()).isGreaterThanOrEqualTo(4);
                    });

            StoppableStore.server().restart();

            await().atMost(Duration.ofSeconds(20)).until(() -> Http.get(url("/readyz")).statusCode() == 200);
            assertThat(register().statusCode()).isEqualTo(201);
            assertThat(delegateList().statusCode()).isEqualTo(200);
            assertThat(Http.get(url("/livez")).statusCode()).isEqualTo(200);
            await("the event is handled once the database is back").atMost(Duration.ofSeconds(20))
                    .until(() -> Http.get(url("/api/registrations/convoys")).body().contains("\"" + convoy + "\""));
            assertThat(deadLetters.recordsWithKey(convoy)).isEmpty();
        }
    }

    private HttpResponse<String> register() {
        return Http.postJson(url("/api/registrations"), RegistrationRequests.mayor(RegistrationRequests.uniqueEmail()));
    }

    private HttpResponse<String> delegateList() {
        return Http.get(url("/api/registrations?convoyId=" + TestConvoys.CALIFORNIA), ORGANIZER);
    }

    private static HttpResponse<String> timed(Supplier<HttpResponse<String>> call) {
        long started = System.nanoTime();
        HttpResponse<String> response = call.get();
        assertThat(Duration.ofNanos(System.nanoTime() - started)).as("answered within %s", QUICKLY)
                .isLessThanOrEqualTo(QUICKLY);
        return response;
    }

    private double storeWaits() {
        return meters.find("convoy.events.store-unavailable").tag("topic", Topics.CONVOYS).counters().stream()
                .mapToDouble(counter -> counter.count()).sum();
    }

    private JsonNode components(HttpResponse<String> health) {
        return json.readTree(health.body()).path("components");
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }
}
