package org.convoy.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * What an operator reads of the gateway's answers: {@code http_server_requests_seconds} by route and status, with the
 * calls the gateway refuses itself (429 from the rate limit, 401 for a bad token, 413 for a body over the limit)
 * counted under the route they were meant for, and calls that match no route under {@code route="none"}.
 */
@ContextConfiguration(initializers = TestMongo.class)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = { "GATEWAY_MAX_REQUEST_BODY=1KB", "convoy.gateway.public-rate-limit.capacity=2",
                "convoy.gateway.public-rate-limit.refill-every=1h" })
class GatewayAnswersTest {

    static final HttpServer SERVICES = StandInService.start(GatewayAnswersTest::answer);

    @DynamicPropertySource
    static void backends(DynamicPropertyRegistry registry) {
        StandInService.routeEveryServiceTo(SERVICES, registry);
    }

    @AfterAll
    static void stop() {
        SERVICES.stop(0);
    }

    @LocalServerPort
    int port;

    @LocalManagementPort
    int managementPort;

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    @Test
    void answersAreCountedByRouteAndStatusRefusalsIncluded() throws Exception {
        List<Integer> registrations = List.of(register(), register(), register());
        int scheduling = send(HttpRequest.newBuilder(url("/api/scheduling/delegates?convoyId=x")).GET());
        int badToken = send(HttpRequest.newBuilder(url("/api/notifications?delegateId=x"))
                .header("Authorization", "Bearer not-a-token").GET());
        int tooLarge = send(HttpRequest.newBuilder(url("/api/scheduling/meetings")).header("Content-Type",
                "application/json").POST(HttpRequest.BodyPublishers.ofString("x".repeat(2000))));
        int nowhere = send(HttpRequest.newBuilder(url("/api/elsewhere")).GET());

        assertThat(registrations).containsExactly(200, 200, 429);
        assertThat(scheduling).isEqualTo(200);
        assertThat(badToken).isEqualTo(401);
        assertThat(tooLarge).isEqualTo(413);
        assertThat(nowhere).isEqualTo(404);
        String scrape = scrape();
        assertThat(count(scrape, "registration", "200")).isEqualTo(2);
        assertThat(count(scrape, "registration", "429")).isEqualTo(1);
        assertThat(count(scrape, "scheduling", "200")).isEqualTo(1);
        assertThat(count(scrape, "notification", "401")).isEqualTo(1);
        assertThat(count(scrape, "scheduling", "413")).isEqualTo(1);
        assertThat(count(scrape, "none", "404")).isEqualTo(1);
    }

    /** The count of {@code http_server_requests_seconds} for a route and status, summed over its other labels. */
    private static double count(String scrape, String route, String status) {
        return scrape.lines().filter(line -> line.startsWith("http_server_requests_seconds_count{"))
                .filter(line -> line.contains("route=\"" + route + "\"") && line.contains("status=\"" + status + "\""))
                .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1))).sum();
    }

    private int register() throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(url("/api/registrations")).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{}")));
    }

    private int send(HttpRequest.Builder request) throws IOException, InterruptedException {
        return http.send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.discarding())
                .statusCode();
    }

    private String scrape() throws IOException, InterruptedException {
        URI prometheus = URI.create("http://localhost:" + managementPort + "/actuator/prometheus");
        return http.send(HttpRequest.newBuilder(prometheus)
                .timeout(Duration.ofSeconds(30)).GET().build(), HttpResponse.BodyHandlers.ofString()).body();
    }

    private URI url(String path) {
        return URI.create("http://localhost:" + port + path);
    }

    private static void answer(HttpExchange exchange) throws IOException {
        exchange.getRequestBody().readAllBytes();
        byte[] body = "{}".getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(200, body.length);
        exchange.getResponseBody().write(body);
        exchange.close();
    }
}
