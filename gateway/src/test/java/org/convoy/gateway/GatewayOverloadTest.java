package org.convoy.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The gateway under a rush: as many calls as its limit go through to a busy but healthy service and are answered at
 * the service's pace; the ones beyond are shed at once with 503 and Retry-After; and none of that opens the circuit
 * breaker, which is for a failing service.
 */
@ContextConfiguration(initializers = TestMongo.class)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = { "GATEWAY_IN_FLIGHT_LIMIT=40", "GATEWAY_RESPONSE_TIMEOUT=30s" })
class GatewayOverloadTest {

    static final AtomicInteger HELD = new AtomicInteger();
    static volatile CountDownLatch release = new CountDownLatch(1);
    static final HttpServer REGISTRATION = backend();

    @DynamicPropertySource
    static void backends(DynamicPropertyRegistry registry) {
        registry.add("REGISTRATION_SERVICE_URI", () -> "http://127.0.0.1:" + REGISTRATION.getAddress().getPort());
    }

    @AfterAll
    static void stop() {
        release.countDown();
        REGISTRATION.stop(0);
    }

    @LocalServerPort
    int port;

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .executor(Executors.newCachedThreadPool()).connectTimeout(Duration.ofSeconds(5)).build();

    @Test
    void callsUpToTheLimitWaitForABusyServiceTheRestAreShedAndTheBreakerStaysClosed() throws Exception {
        List<CompletableFuture<HttpResponse<String>>> waiting = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            waiting.add(call("/api/registrations/held"));
        }
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(HELD).as("calls the service holds")
                .hasValue(40));

        List<HttpResponse<String>> beyond = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            beyond.add(call("/api/registrations/held").get(10, TimeUnit.SECONDS));
        }
        release.countDown();

        for (HttpResponse<String> shed : beyond) {
            assertThat(shed.statusCode()).isEqualTo(503);
            assertThat(shed.headers().firstValue("Retry-After")).contains("1");
            assertThat(shed.headers().firstValue("Content-Type")).hasValueSatisfying(
                    type -> assertThat(type).startsWith("application/problem+json"));
            assertThat(shed.body()).contains("\"title\":\"Busy\"");
        }
        for (CompletableFuture<HttpResponse<String>> call : waiting) {
            HttpResponse<String> answered = call.get(20, TimeUnit.SECONDS);
            assertThat(answered.statusCode()).isEqualTo(200);
            assertThat(answered.body()).isEqualTo("{\"answered\":true}");
        }
        HttpResponse<String> after = call("/api/registrations/ok").get(10, TimeUnit.SECONDS);
        assertThat(after.statusCode()).as("the breaker did not count shed calls as failures").isEqualTo(200);
        assertThat(after.body()).isEqualTo("{\"answered\":true}");
    }

    private CompletableFuture<HttpResponse<String>> call(String path) {
        return http.sendAsync(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .timeout(Duration.ofSeconds(30)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpServer backend() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 100);
            server.setExecutor(Executors.newCachedThreadPool());
            server.createContext("/", GatewayOverloadTest::answer);
            server.start();
            return server;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void answer(HttpExchange exchange) throws IOException {
        if (exchange.getRequestURI().getPath().endsWith("/held")) {
            HELD.incrementAndGet();
            try {
                release.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        byte[] body = "{\"answered\":true}".getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(200, body.length);
        exchange.getResponseBody().write(body);
        exchange.close();
    }
}
