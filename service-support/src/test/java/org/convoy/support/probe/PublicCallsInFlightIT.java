package org.convoy.support.probe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.convoy.support.test.ServiceIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

/**
 * A rush of public calls is shed at the door: past the calls the service works on at once, the next is answered 503
 * with Retry-After at once instead of waiting in a queue until its caller gives up; the calls it took are answered.
 */
@ServiceIntegrationTest
@TestPropertySource(properties = { "convoy.security.public-call-limit.paths=POST /parcels/held",
        "convoy.security.public-call-limit.calls=1000", "convoy.security.public-call-limit.in-flight=2" })
class PublicCallsInFlightIT {

    @LocalServerPort
    int port;

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    @Test
    void pastTheCallsInFlightTheNextIs503BusyAtOnceAndTheOthersAreAnswered() throws Exception {
        List<CompletableFuture<HttpResponse<String>>> taken = List.of(call(), call());
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(ProbeApplication.ParcelController.HELD)
                .hasValue(2));

        HttpResponse<String> shed = call().get(10, TimeUnit.SECONDS);
        ProbeApplication.ParcelController.RELEASE.countDown();

        assertThat(shed.statusCode()).isEqualTo(503);
        assertThat(shed.headers().firstValue("Retry-After")).hasValue("1");
        assertThat(shed.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(shed.body()).contains("\"title\":\"Busy\"");
        for (CompletableFuture<HttpResponse<String>> call : taken) {
            assertThat(call.get(20, TimeUnit.SECONDS).statusCode()).isEqualTo(200);
        }
        assertThat(call().get(20, TimeUnit.SECONDS).statusCode()).as("a place is free again").isEqualTo(200);
    }

    private CompletableFuture<HttpResponse<String>> call() {
        return http.sendAsync(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/parcels/held"))
                .header("Content-Type", "application/json").timeout(Duration.ofSeconds(30))
                .POST(HttpRequest.BodyPublishers.ofString("{}")).build(), HttpResponse.BodyHandlers.ofString());
    }
}
