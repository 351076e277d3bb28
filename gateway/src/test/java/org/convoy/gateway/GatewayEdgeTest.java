package org.convoy.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.micrometer.core.instrument.MeterRegistry;
import org.convoy.gateway.buckets.BucketStore;
import org.convoy.gateway.buckets.RedisBucketStore;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The gateway at the edge: a down or slow service gets a quick problem+json answer instead of a hang, only
 * idempotent requests are retried, oversize bodies stop at the door, and every answer carries the security
 * headers and a correlation id that the services see too.
 */
@ContextConfiguration(initializers = TestMongo.class)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = { "GATEWAY_RESPONSE_TIMEOUT=1s", "GATEWAY_CONNECT_TIMEOUT_MS=500", "GATEWAY_MAX_REQUEST_BODY=1KB",
                "convoy.gateway.public-rate-limit.capacity=3", "convoy.gateway.public-rate-limit.refill-every=1h" })
class GatewayEdgeTest {

    static final List<String> CORRELATION_IDS = new CopyOnWriteArrayList<>();
    static final Map<String, AtomicInteger> CALLS = new ConcurrentHashMap<>();
    static final HttpServer REGISTRATION = backend();
    static final int NOTHING_LISTENS = freePort();

    @DynamicPropertySource
    static void backends(DynamicPropertyRegistry registry) {
        registry.add("REGISTRATION_SERVICE_URI", () -> "http://127.0.0.1:" + REGISTRATION.getAddress().getPort());
        registry.add("SCHEDULING_SERVICE_URI", () -> "http://127.0.0.1:" + NOTHING_LISTENS);
    }

    @AfterAll
    static void stop() {
        REGISTRATION.stop(0);
    }

    @LocalServerPort
    int port;

    @Autowired
    BucketStore buckets;

    @Autowired
    MeterRegistry meters;

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    @Test
    void aStoppedServiceIs503ProblemJsonWithRetryAfterNotAHang() throws Exception {
        HttpResponse<String> response = send(HttpRequest.newBuilder(url("/api/scheduling/delegates?convoyId=x")).GET());

        assertThat(response.statusCode()).isEqualTo(503);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(response.headers().firstValue("Retry-After")).contains("5");
        assertThat(response.body()).contains("\"title\":\"Service unavailable\"").doesNotContain("Exception");
    }

    @Test
    void aServiceSlowerThanTheTimeoutIs504() throws Exception {
        HttpResponse<String> response = send(HttpRequest.newBuilder(url("/api/registrations/slow")).GET());

        assertThat(response.statusCode()).isEqualTo(504);
        assertThat(response.body()).contains("\"title\":\"Service too slow\"");
    }

    @Test
    void readsAreRetriedWhenTheServiceStumblesButWritesAreNot() throws Exception {
        HttpResponse<String> read = send(HttpRequest.newBuilder(url("/api/registrations/flaky-read")).GET());
        HttpResponse<String> write = send(HttpRequest.newBuilder(url("/api/registrations/flaky-write"))
                .POST(HttpRequest.BodyPublishers.ofString("{}")).header("Content-Type", "application/json"));

        assertThat(read.statusCode()).isEqualTo(200);
        assertThat(CALLS.get("/api/registrations/flaky-read")).hasValue(2);
        assertThat(write.statusCode()).isEqualTo(503);
        assertThat(CALLS.get("/api/registrations/flaky-write")).hasValue(1);
    }

    @Test
    void anOversizeBodyIs413AtTheDoor() throws Exception {
        HttpResponse<String> response = send(HttpRequest.newBuilder(url("/api/registrations/big"))
                .POST(HttpRequest.BodyPublishers.ofString("x".repeat(2000))).header("Content-Type", "application/json"));

        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(CALLS).doesNotContainKey("/api/registrations/big");
    }

    @Test
    void everyAnswerCarriesSecurityHeaders() throws Exception {
        for (String path : List.of("/", "/api/registrations/ok", "/api/elsewhere")) {
            HttpResponse<String> response = send(HttpRequest.newBuilder(url(path)).GET());

            assertThat(response.headers().firstValue("X-Content-Type-Options")).as(path).contains("nosniff");
            assertThat(response.headers().firstValue("Referrer-Policy")).as(path).contains("no-referrer");
            assertThat(response.headers().firstValue("Content-Security-Policy")).as(path)
                    .hasValueSatisfying(csp -> assertThat(csp).contains("frame-ancestors 'none'", "default-src 'self'"));
            assertThat(response.headers().firstValue("Strict-Transport-Security")).as(path).isEmpty();
        }
    }

    @Test
    void aCorrelationIdTravelsToTheServiceAndBack() throws Exception {
        HttpResponse<String> given = send(HttpRequest.newBuilder(url("/api/registrations/ok"))
                .header("X-Correlation-Id", "trace-123").GET());
        HttpResponse<String> insane = send(HttpRequest.newBuilder(url("/api/registrations/ok"))
                .header("X-Correlation-Id", "<script>").GET());
        HttpResponse<String> none = send(HttpRequest.newBuilder(url("/api/registrations/ok")).GET());

        assertThat(given.headers().firstValue("X-Correlation-Id")).contains("trace-123");
        assertThat(CORRELATION_IDS).contains("trace-123");
        assertThat(insane.headers().firstValue("X-Correlation-Id")).hasValueSatisfying(
                id -> assertThat(id).isNotEqualTo("<script>").hasSize(36));
        assertThat(none.headers().firstValue("X-Correlation-Id")).isPresent();
        assertThat(CORRELATION_IDS).contains(none.headers().firstValue("X-Correlation-Id").orElseThrow());
    }

    @Test
    void publicRegistrationIsRateLimitedPerClientWith429AndRetryAfter() throws Exception {
        HttpResponse<String> last = null;
        int forwarded = 0;
        for (int i = 0; i < 5; i++) {
            last = send(HttpRequest.newBuilder(url("/api/registrations")).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{}")));
            if (last.statusCode() == 200) {
                forwarded++;
            }
        }

        assertThat(forwarded).isEqualTo(3);
        assertThat(last.statusCode()).isEqualTo(429);
        assertThat(last.headers().firstValue("Retry-After")).hasValueSatisfying(
                seconds -> assertThat(Long.parseLong(seconds)).isPositive());
        assertThat(last.body()).contains("\"title\":\"Too many requests\"");
        assertThat(send(HttpRequest.newBuilder(url("/api/registrations/ok")).GET()).statusCode()).isEqualTo(200);
    }

    @Test
    void withoutARedisUrlTheLimitsCountInThisInstancesMemoryAndNothingOfRedisStarts() {
        assertThat(buckets).isNotInstanceOf(RedisBucketStore.class);
        assertThat(meters.find("convoy.gateway.shared-state.reachable").gauge()).isNull();
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        return http.send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private URI url(String path) {
        return URI.create("http://localhost:" + port + path);
    }

    private static HttpServer backend() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            server.setExecutor(java.util.concurrent.Executors.newCachedThreadPool());
            server.createContext("/", GatewayEdgeTest::answer);
            server.start();
            return server;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void answer(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        int call = CALLS.computeIfAbsent(path, p -> new AtomicInteger()).incrementAndGet();
        CORRELATION_IDS.add(String.valueOf(exchange.getRequestHeaders().getFirst("X-Correlation-Id")));
        exchange.getRequestBody().readAllBytes();
        if (path.endsWith("/slow")) {
            try {
                Thread.sleep(3000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        int status = path.contains("flaky") && call == 1 ? 503 : 200;
        byte[] body = "{}".getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, body.length);
        exchange.getResponseBody().write(body);
        exchange.close();
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
