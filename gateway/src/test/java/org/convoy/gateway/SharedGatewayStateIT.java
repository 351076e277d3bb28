package org.convoy.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import tools.jackson.databind.json.JsonMapper;

/**
 * Two gateway instances on one Redis, as behind a load balancer: a client's public calls, an organizer's calls and
 * failed logins count the same whichever instance they reach. While Redis is away, each instance answers at once and
 * limits what it sees in its own memory; logins keep working; once Redis is back, they count together again.
 */
@EnabledIf(value = "org.convoy.gateway.TestRedis#installed", disabledReason = "no redis-server here")
class SharedGatewayStateIT {

    static final String ADMIN_PASSWORD = "a-long-admin-password-for-tests";
    /** Addresses the proxy in front of the gateways reports, a new one for each client of a test. */
    static final AtomicInteger CLIENTS = new AtomicInteger();

    static TestRedis redis;
    static HttpServer services;
    static Path keys;
    static ConfigurableApplicationContext gatewayA;
    static ConfigurableApplicationContext gatewayB;

    static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    static final JsonMapper JSON = JsonMapper.builder().build();
    /** Longer than any answer from memory; shorter than a hang on a dead Redis. */
    static final Duration QUICK = Duration.ofMillis(500);
    /** A login is held for the BCrypt check on top. */
    static final Duration QUICK_LOGIN = Duration.ofSeconds(1);

    @BeforeAll
    static void twoGatewaysOnOneRedis() throws IOException {
        redis = TestRedis.start();
        services = services();
        keys = Files.createTempDirectory("gateway-keys");
        String database = "gateway-shared-" + UUID.randomUUID().toString().substring(0, 8);
        gatewayA = gateway(database);
        gatewayB = gateway(database);
        awaitSharing();
    }

    @AfterEach
    void redisRunsAndBothShare() {
        redis.startUnlessRunning();
        awaitSharing();
    }

    @AfterAll
    static void stop() throws IOException {
        for (ConfigurableApplicationContext gateway : new ConfigurableApplicationContext[] { gatewayA, gatewayB }) {
            if (gateway != null) {
                gateway.close();
            }
        }
        if (services != null) {
            services.stop(0);
        }
        if (redis != null) {
            redis.close();
        }
        if (keys != null) {
            try (var files = Files.walk(keys)) {
                files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            }
        }
    }

    @Test
    void tenPublicCallsOnOneInstanceSpendTheAddressBucketOfBoth() {
        String client = newClient();
        for (int i = 0; i < 10; i++) {
            assertThat(register(gatewayA, client).statusCode()).isEqualTo(200);
        }

        HttpResponse<String> eleventh = register(gatewayB, client);

        assertThat(eleventh.statusCode()).as("the eleventh, on the other instance").isEqualTo(429);
        assertThat(eleventh.headers().firstValue("Retry-After")).hasValueSatisfying(
                seconds -> assertThat(Long.parseLong(seconds)).isBetween(3_500L, 3_600L));
        assertThat(eleventh.body()).contains("\"title\":\"Too many requests\"");
        assertThat(register(gatewayA, client).statusCode()).isEqualTo(429);
        assertThat(register(gatewayB, newClient()).statusCode()).as("another address").isEqualTo(200);
    }

    @Test
    void failedLoginsOnOneInstanceCountOnTheOther() {
        String guesser = newClient();
        for (int i = 0; i < 3; i++) {
            assertThat(login(gatewayA, "admin", "wrong-guess-" + i, guesser).statusCode()).isEqualTo(401);
        }

        HttpResponse<String> onB = login(gatewayB, "admin", ADMIN_PASSWORD, guesser);

        assertThat(onB.statusCode()).as("refused on B even with the right password").isEqualTo(429);
        assertThat(onB.headers().firstValue("Retry-After")).hasValueSatisfying(
                seconds -> assertThat(Long.parseLong(seconds)).isPositive());
        assertThat(login(gatewayB, "admin", ADMIN_PASSWORD, newClient()).statusCode())
                .as("the administrator, from her own address").isEqualTo(200);
    }

    @Test
    void anOrganizersCallsCountOnEveryInstance() {
        String token = accessToken(login(gatewayA, "admin", ADMIN_PASSWORD, newClient()));
        for (int i = 0; i < 5; i++) {
            ConfigurableApplicationContext gateway = i % 2 == 0 ? gatewayA : gatewayB;
            assertThat(call(gateway, "/api/scheduling/delegates?convoyId=california-2023", token).statusCode())
                    .isEqualTo(200);
        }

        HttpResponse<String> sixth = call(gatewayB, "/api/scheduling/delegates?convoyId=california-2023", token);

        assertThat(sixth.statusCode()).isEqualTo(429);
        assertThat(sixth.body()).contains("Too many calls from your account");
    }

    @Test
    void whileRedisIsAwayEachInstanceLimitsOnItsOwnAtOnceAndLoginsWorkUntilRedisIsBack() {
        String client = newClient();
        for (int i = 0; i < 4; i++) {
            assertThat(register(gatewayA, client).statusCode()).isEqualTo(200);
        }

        redis.kill();

        for (int i = 0; i < 6; i++) {
            assertThat(quickly(QUICK, () -> register(gatewayA, client)).statusCode())
                    .as("A still has what it counted itself").isEqualTo(200);
        }
        HttpResponse<String> overOnA = quickly(QUICK, () -> register(gatewayA, client));
        assertThat(overOnA.statusCode()).as("A's own limit holds").isEqualTo(429);
        assertThat(overOnA.headers().firstValue("Retry-After")).isPresent();
        assertThat(quickly(QUICK, () -> register(gatewayB, client)).statusCode()).as("B counts on its own")
                .isEqualTo(200);

        String guesser = newClient();
        for (int i = 0; i < 3; i++) {
            String guess = "wrong-guess-" + i;
            assertThat(quickly(QUICK_LOGIN, () -> login(gatewayB, "admin", guess, guesser)).statusCode())
                    .isEqualTo(401);
        }
        assertThat(quickly(QUICK_LOGIN, () -> login(gatewayB, "admin", ADMIN_PASSWORD, guesser)).statusCode())
                .as("B throttles the guesses it saw").isEqualTo(429);
        assertThat(quickly(QUICK_LOGIN, () -> login(gatewayB, "admin", ADMIN_PASSWORD, newClient())).statusCode())
                .as("logins work").isEqualTo(200);
        assertThat(fallbacks(gatewayA, "public")).isPositive();
        assertThat(fallbacks(gatewayB, "login-user-address")).isPositive();
        assertThat(reachable(gatewayA)).isZero();

        redis.restart();

        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> {
            String again = newClient();
            for (int i = 0; i < 10; i++) {
                register(gatewayA, again);
            }
            assertThat(register(gatewayB, again).statusCode()).as("B sees what A counted").isEqualTo(429);
        });
        String guesserAgain = newClient();
        for (int i = 0; i < 3; i++) {
            assertThat(login(gatewayB, "admin", "wrong-guess-" + i, guesserAgain).statusCode()).isEqualTo(401);
        }
        assertThat(login(gatewayA, "admin", ADMIN_PASSWORD, guesserAgain).statusCode()).isEqualTo(429);
    }

    /** An instance as it runs in production, its settings given on the command line. */
    private static ConfigurableApplicationContext gateway(String database) {
        String services = "http://127.0.0.1:" + SharedGatewayStateIT.services.getAddress().getPort();
        return new SpringApplicationBuilder(GatewayApplication.class).run(
                "--server.port=0",
                "--spring.mongodb.uri=" + TestMongo.connectionString(database),
                "--convoy.gateway.shared-state.redis-url=" + redis.url(),
                "--convoy.gateway.auth.admin.username=admin", "--convoy.gateway.auth.admin.password=" + ADMIN_PASSWORD,
                // Tokens one instance issues are good on the other: one signing key for both, as in production.
                "--convoy.gateway.auth.signing-key=" + keys.resolve("signing-key.pem"),
                "--REGISTRATION_SERVICE_URI=" + services, "--SCHEDULING_SERVICE_URI=" + services,
                "--NOTIFICATION_SERVICE_URI=" + services,
                "--convoy.gateway.public-rate-limit.trust-forwarded-for=true",
                "--convoy.gateway.public-rate-limit.refill-every=1h",
                "--convoy.gateway.organizer-rate-limit.capacity=5",
                "--convoy.gateway.organizer-rate-limit.refill-every=1h",
                "--convoy.gateway.auth.login-throttle.per-user-and-address=3",
                "--convoy.gateway.auth.login-throttle.per-address=1000",
                "--convoy.gateway.auth.login-throttle.per-user=1000",
                "--convoy.gateway.auth.login-throttle.refill-every=1h");
    }

    /** Both instances count in Redis; a first public call makes an instance that found Redis away try again. */
    private static void awaitSharing() {
        await().atMost(Duration.ofSeconds(15)).until(() -> {
            for (ConfigurableApplicationContext gateway : new ConfigurableApplicationContext[] { gatewayA, gatewayB }) {
                if (reachable(gateway) != 1) {
                    register(gateway, "warm-up");
                    return false;
                }
            }
            return true;
        });
    }

    private static double reachable(ConfigurableApplicationContext gateway) {
        return gateway.getBean(MeterRegistry.class).get("convoy.gateway.shared-state.reachable").gauge().value();
    }

    private static double fallbacks(ConfigurableApplicationContext gateway, String limit) {
        return gateway.getBean(MeterRegistry.class).get("convoy.gateway.shared-state.fallbacks").tag("limit", limit)
                .counter().count();
    }

    /** What the call answered, after checking it was no 5xx and came within {@code limit}. */
    private static HttpResponse<String> quickly(Duration limit, Supplier<HttpResponse<String>> call) {
        long start = System.nanoTime();
        HttpResponse<String> response = call.get();
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        assertThat(response.statusCode()).as(response.body()).isLessThan(500);
        assertThat(took).as("answered in").isLessThan(limit);
        return response;
    }

    private static String newClient() {
        int n = CLIENTS.incrementAndGet();
        return "198.51." + (100 + n / 250) + "." + (n % 250 + 1);
    }

    private static HttpResponse<String> register(ConfigurableApplicationContext gateway, String client) {
        return send(HttpRequest.newBuilder(url(gateway, "/api/registrations")).header("Content-Type", "application/json")
                .header("X-Forwarded-For", client).POST(HttpRequest.BodyPublishers.ofString("{}")));
    }

    private static HttpResponse<String> login(ConfigurableApplicationContext gateway, String username, String password,
            String client) {
        return send(HttpRequest.newBuilder(url(gateway, "/api/auth/login")).header("Content-Type", "application/json")
                .header("X-Forwarded-For", client)
                .POST(HttpRequest.BodyPublishers.ofString("{\"username\":\"" + username + "\",\"password\":\""
                        + password + "\"}")));
    }

    private static HttpResponse<String> call(ConfigurableApplicationContext gateway, String path, String token) {
        return send(HttpRequest.newBuilder(url(gateway, path)).header("Authorization", "Bearer " + token).GET());
    }

    private static String accessToken(HttpResponse<String> login) {
        assertThat(login.statusCode()).as(login.body()).isEqualTo(200);
        return JSON.readTree(login.body()).path("accessToken").asString();
    }

    private static HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return HTTP.send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static URI url(ConfigurableApplicationContext gateway, String path) {
        return URI.create("http://localhost:" + gateway.getEnvironment().getProperty("local.server.port") + path);
    }

    /** The services behind the gateways: every call answered 200 at once. */
    private static HttpServer services() throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setExecutor(Executors.newCachedThreadPool());
        server.createContext("/", SharedGatewayStateIT::answer);
        server.start();
        return server;
    }

    private static void answer(HttpExchange exchange) throws IOException {
        exchange.getRequestBody().readAllBytes();
        byte[] body = "[]".getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(200, body.length);
        exchange.getResponseBody().write(body);
        exchange.close();
    }
}
