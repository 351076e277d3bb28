package org.convoy.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.function.Supplier;
import java.util.stream.Stream;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.convoy.store.WireStoreServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The gateway while its own database (organizer accounts, logged-out tokens, ended access) is away: logins and account
 * calls are 503 problem+json with {@code Retry-After} within seconds instead of hanging 30 s; a token is still checked
 * against the logouts last read for {@code deny-list-max-age} (here 4 s), then the gateway fails closed, 503, until it
 * can read them again; calls without a token go on. Readiness names the database while liveness stays up, and once
 * the database is back the same process logs in, serves accounts and checks tokens again, with no restart.
 */
@ContextConfiguration(initializers = TestKafka.class)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "CONVOY_ADMIN_USERNAME=outage-admin", "CONVOY_ADMIN_PASSWORD=" + StoreOutageIT.ADMIN_PASSWORD,
        "convoy.gateway.auth.deny-list-max-age=4s" })
class StoreOutageIT {

    static final String ADMIN_PASSWORD = "an-admin-password-for-outages";
    /** The store's server selection timeout (2 s) and what it costs to answer. */
    static final Duration QUICKLY = Duration.ofSeconds(3);
    static final Path STORE_DIRECTORY = directory();
    static final WireStoreServer STORE = WireStoreServer.start(STORE_DIRECTORY.resolve("store.mv"));
    /** Stands for the services behind the gateway: answers 200 to every call. */
    static final HttpServer SERVICE = StandInService.start(StoreOutageIT::answer);

    @DynamicPropertySource
    static void storeAndServices(DynamicPropertyRegistry registry) {
        registry.add("spring.mongodb.uri", () -> STORE.uri("gateway-outage"));
        StandInService.routeEveryServiceTo(SERVICE, registry);
    }

    @AfterAll
    static void stop() throws IOException {
        SERVICE.stop(0);
        STORE.close();
        try (Stream<Path> files = Files.walk(STORE_DIRECTORY)) {
            files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        }
    }

    @LocalServerPort
    int port;

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final JsonMapper json = JsonMapper.builder().build();

    @AfterEach
    void storeIsBack() {
        STORE.restart();
    }

    @Test
    void whileItsDatabaseIsAwayLoginsAndAccountsAre503QuicklyTokensFailClosedAfterABoundAndAllWorksWhenItReturns() {
        String token = accessToken(login());
        assertThat(get("/api/scheduling/convoys", token).statusCode()).isEqualTo(200);

        STORE.stop();

        assertThat(get("/api/scheduling/convoys", token).statusCode())
                .as("the logouts read last still hold").isEqualTo(200);
        HttpResponse<String> login = timed(this::login);
        assertProblem(login, 503, "Service unavailable");
        assertThat(json.readTree(login.body()).path("detail").asString()).contains("database");
        assertProblem(timed(() -> get("/api/auth/users", token)), 503, "Service unavailable");
        HttpResponse<String> ready = get("/readyz", null);
        assertThat(ready.statusCode()).isEqualTo(503);
        assertThat(json.readTree(ready.body()).path("components").path("mongo").path("status").asString())
                .isEqualTo("DOWN");
        assertThat(get("/livez", null).statusCode()).isEqualTo(200);
        await("past deny-list-max-age a token that cannot be checked is refused for now")
                .atMost(Duration.ofSeconds(15))
                .until(() -> get("/api/scheduling/convoys", token).statusCode() == 503);
        assertProblem(get("/api/scheduling/convoys", token), 503, "Cannot check tokens now");
        assertThat(get("/api/registrations/convoys", null).statusCode()).as("a call without a token goes on")
                .isEqualTo(200);

        STORE.restart();

        await().atMost(Duration.ofSeconds(20)).until(() -> get("/readyz", null).statusCode() == 200);
        await().atMost(Duration.ofSeconds(10)).until(() -> get("/api/scheduling/convoys", token).statusCode() == 200);
        assertThat(login().statusCode()).isEqualTo(200);
        assertThat(get("/api/auth/users", token).statusCode()).isEqualTo(200);
        assertThat(get("/livez", null).statusCode()).isEqualTo(200);
    }

    private void assertProblem(HttpResponse<String> response, int status, String title) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(response.headers().firstValue("Retry-After")).hasValue("5");
        JsonNode problem = json.readTree(response.body());
        assertThat(problem.path("title").asString()).isEqualTo(title);
        assertThat(response.body()).doesNotContain("Exception", "Timed out");
    }

    private static HttpResponse<String> timed(Supplier<HttpResponse<String>> call) {
        long started = System.nanoTime();
        HttpResponse<String> response = call.get();
        assertThat(Duration.ofNanos(System.nanoTime() - started)).as("answered within %s", QUICKLY)
                .isLessThanOrEqualTo(QUICKLY);
        return response;
    }

    private HttpResponse<String> login() {
        return send(HttpRequest.newBuilder(url("/api/auth/login")).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(
                        "{\"username\":\"outage-admin\",\"password\":\"" + ADMIN_PASSWORD + "\"}")));
    }

    private String accessToken(HttpResponse<String> login) {
        assertThat(login.statusCode()).as(login.body()).isEqualTo(200);
        return json.readTree(login.body()).path("accessToken").asString();
    }

    private HttpResponse<String> get(String path, String token) {
        HttpRequest.Builder request = HttpRequest.newBuilder(url(path)).GET();
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return send(request);
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return http.send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private URI url(String path) {
        return URI.create("http://localhost:" + port + path);
    }

    private static Path directory() {
        try {
            return Files.createTempDirectory("gateway-outage");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void answer(HttpExchange exchange) throws IOException {
        byte[] body = "[]".getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(200, body.length);
        exchange.getResponseBody().write(body);
        exchange.close();
    }
}
