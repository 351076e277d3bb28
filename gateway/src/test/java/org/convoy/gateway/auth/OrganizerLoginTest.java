package org.convoy.gateway.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.convoy.gateway.StandInService;
import org.convoy.gateway.TestMongo;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Organizer login end to end through the real gateway: the first administrator from the environment, organizers
 * created by her, tokens checked by a service the way every Convoy service checks them (against the gateway's JWKS),
 * logout, throttled guessing and a per-user rate limit.
 */
@ContextConfiguration(initializers = TestMongo.class)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "CONVOY_ADMIN_USERNAME=Root-Admin", "CONVOY_ADMIN_PASSWORD=" + OrganizerLoginTest.ADMIN_PASSWORD,
        "convoy.gateway.auth.login-throttle.per-user-and-address=3", "convoy.gateway.auth.login-throttle.per-address=1000",
        "convoy.gateway.auth.login-throttle.per-user=6", "convoy.gateway.auth.login-throttle.refill-every=1h",
        "convoy.gateway.auth.login-throttle.first-delay=20ms", "convoy.gateway.auth.login-throttle.max-delay=200ms",
        "convoy.gateway.public-rate-limit.trust-forwarded-for=true",
        "convoy.gateway.organizer-rate-limit.capacity=25", "convoy.gateway.organizer-rate-limit.refill-every=1h" })
class OrganizerLoginTest {

    static final String ADMIN_PASSWORD = "a-long-admin-password-for-tests";

    /** What the service behind the gateway saw: the subject of each token it accepted. */
    static final List<String> ACCEPTED = new CopyOnWriteArrayList<>();
    /** A service as every Convoy service is: it checks the token itself, against the gateway's published keys. */
    static final HttpServer SERVICE = StandInService.start(OrganizerLoginTest::answer);
    static volatile JwtDecoder serviceDecoder;

    @DynamicPropertySource
    static void backends(DynamicPropertyRegistry registry) {
        StandInService.routeEveryServiceTo(SERVICE, registry);
    }

    @AfterAll
    static void stop() {
        SERVICE.stop(0);
    }

    @LocalServerPort
    int port;

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final JsonMapper json = JsonMapper.builder().build();

    @BeforeEach
    void serviceChecksTokensAgainstThisGateway() {
        if (serviceDecoder == null) {
            serviceDecoder = NimbusJwtDecoder.withJwkSetUri(url("/.well-known/jwks.json").toString()).build();
        }
    }

    @Test
    void publishesItsPublicKeyAsJwks() {
        HttpResponse<String> response = get("/.well-known/jwks.json", null);

        JsonNode key = json.readTree(response.body()).path("keys").get(0);
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(key.path("kty").asString()).isEqualTo("RSA");
        assertThat(key.path("alg").asString()).isEqualTo("RS256");
        assertThat(key.path("kid").asString()).isNotBlank();
        assertThat(key.has("d")).as("no private part").isFalse();
    }

    @Test
    void theAdministratorFromTheEnvironmentLogsInAndGetsAFifteenMinuteRs256Token() {
        HttpResponse<String> response = login("root-admin", ADMIN_PASSWORD);

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(response.headers().firstValue("Cache-Control")).hasValueSatisfying(
                value -> assertThat(value).contains("no-store"));
        JsonNode body = json.readTree(response.body());
        assertThat(body.path("tokenType").asString()).isEqualTo("Bearer");
        assertThat(body.path("expiresIn").asLong()).isEqualTo(900);
        Jwt token = serviceDecoder.decode(body.path("accessToken").asString());
        assertThat(token.getSubject()).isEqualTo("root-admin");
        assertThat(token.getClaimAsString("iss")).isEqualTo("convoy");
        assertThat(token.getClaimAsStringList("roles")).contains("ADMIN", "ORGANIZER");
        assertThat(token.getId()).isNotBlank();
        assertThat(Duration.between(token.getIssuedAt(), token.getExpiresAt())).isEqualTo(Duration.ofMinutes(15));
    }

    @Test
    void aWrongPasswordAndAnUnknownUserGetTheSame401() {
        HttpResponse<String> wrongPassword = login("root-admin-typo", "not-the-password");
        HttpResponse<String> unknownUser = login("nobody-" + UUID.randomUUID().toString().substring(0, 6),
                "not-the-password");

        assertThat(wrongPassword.statusCode()).isEqualTo(401);
        assertThat(unknownUser.statusCode()).isEqualTo(401);
        assertThat(unknownUser.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(wrongPassword.body()).isEqualTo(unknownUser.body()).contains("Wrong user name or password");
    }

    @Test
    void anOrganizerLogsInWithThePasswordTheAdministratorGaveHerAndNotWithAnother() {
        String name = createOrganizer("elena");

        HttpResponse<String> good = login(name, "elena-password-123");
        HttpResponse<String> bad = login(name, "elena-password-124");

        assertThat(good.statusCode()).isEqualTo(200);
        assertThat(serviceDecoder.decode(accessToken(good)).getClaimAsStringList("roles")).containsExactly("ORGANIZER");
        assertThat(bad.statusCode()).isEqualTo(401);
    }

    @Test
    void repeatedFailuresFromOneAddressAre429ThereEvenWithTheRightPasswordButNotElsewhere() {
        String name = createOrganizer("guessed");
        String other = createOrganizer("untouched");
        for (int i = 0; i < 3; i++) {
            assertThat(login(name, "guess-number-" + i, "203.0.113.66").statusCode()).isEqualTo(401);
        }

        HttpResponse<String> throttled = login(name, "guessed-password-123", "203.0.113.66");

        assertThat(throttled.statusCode()).isEqualTo(429);
        assertThat(throttled.headers().firstValue("Retry-After")).hasValueSatisfying(
                seconds -> assertThat(Long.parseLong(seconds)).isPositive());
        assertThat(throttled.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(login(other, "untouched-password-123", "203.0.113.66").statusCode()).isEqualTo(200);
        assertThat(login(name, "guessed-password-123", "198.51.100.23").statusCode())
                .as("the real user, from her own address").isEqualTo(200);
    }

    @Test
    void aFloodOfWrongGuessesFromManyAddressesCannotLockTheRealAdministratorOut() {
        for (int address = 1; address <= 12; address++) {
            for (int guess = 0; guess < 3; guess++) {
                assertThat(login("Root-Admin", "wrong-guess-" + address + "-" + guess, "198.18.0." + address)
                        .statusCode()).isEqualTo(401);
            }
            assertThat(login("Root-Admin", "wrong-guess-again", "198.18.0." + address).statusCode())
                    .as("each guessing address is refused").isEqualTo(429);
        }

        HttpResponse<String> realAdministrator = login("Root-Admin", ADMIN_PASSWORD, "192.0.2.200");

        assertThat(realAdministrator.statusCode()).as(realAdministrator.body()).isEqualTo(200);
    }

    @Test
    void creatingAUserNameTwiceIs409() {
        String name = createOrganizer("twice");

        HttpResponse<String> again = post("/api/auth/users",
                "{\"username\":\"" + name + "\",\"password\":\"another-password-123\"}", adminToken());

        assertThat(again.statusCode()).isEqualTo(409);
        assertThat(again.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
    }

    @Test
    void aNewOrganizerWithBadFieldsIs400NamingThem() {
        HttpResponse<String> response = post("/api/auth/users", "{\"username\":\"X!\",\"password\":\"short\"}",
                adminToken());

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(json.readTree(response.body()).path("errors").valueStream().map(e -> e.path("field").asString()))
                .containsExactly("password", "username");
    }

    @Test
    void rolesCannotBeGivenThroughTheBody() {
        HttpResponse<String> response = post("/api/auth/users",
                "{\"username\":\"sneaky\",\"password\":\"sneaky-password-123\",\"roles\":[\"ADMIN\"]}", adminToken());

        assertThat(response.statusCode()).isEqualTo(400);
        JsonNode problem = json.readTree(response.body());
        assertThat(problem.path("title").asString()).isEqualTo("Unknown field");
        assertThat(problem.path("errors").get(0).path("field").asString()).isEqualTo("roles");
        assertThat(login("sneaky", "sneaky-password-123").statusCode()).isEqualTo(401);
    }

    @Test
    void malformedJsonAtLoginIs400NotA500() {
        HttpResponse<String> response = post("/api/auth/login", "{\"username\": ", null);

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
    }

    @Test
    void onlyAnAdministratorCreatesUsers() {
        String organizer = accessToken(login(createOrganizer("plain"), "plain-password-123"));
        String body = "{\"username\":\"made-by-organizer\",\"password\":\"some-password-123\"}";

        assertThat(post("/api/auth/users", body, null).statusCode()).isEqualTo(401);
        assertThat(post("/api/auth/users", body, organizer).statusCode()).isEqualTo(403);
    }

    @Test
    void anOrganizerReadsAServiceThroughTheGatewayWithHerToken() {
        String token = accessToken(login(createOrganizer("reader"), "reader-password-123"));

        HttpResponse<String> withToken = get("/api/scheduling/delegates?convoyId=california-2023", token);
        HttpResponse<String> without = get("/api/scheduling/delegates?convoyId=california-2023", null);

        assertThat(withToken.statusCode()).isEqualTo(200);
        assertThat(ACCEPTED).contains(nameOf(token));
        assertThat(without.statusCode()).as("the service itself refuses").isEqualTo(401);
    }

    @Test
    void afterLogoutTheGatewayRefusesTheTokenBeforeAnyServiceSeesIt() {
        String name = createOrganizer("leaving");
        String token = accessToken(login(name, "leaving-password-123"));
        int before = ACCEPTED.size();

        HttpResponse<String> logout = post("/api/auth/logout", "", token);
        HttpResponse<String> afterwards = get("/api/notifications?delegateId=" + UUID.randomUUID(), token);

        assertThat(logout.statusCode()).isEqualTo(204);
        assertThat(afterwards.statusCode()).isEqualTo(401);
        assertThat(afterwards.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(ACCEPTED.size()).isEqualTo(before);
        assertThat(post("/api/auth/logout", "", token).statusCode()).isEqualTo(401);
        assertThat(login(name, "leaving-password-123").statusCode()).as("she can log in again").isEqualTo(200);
    }

    @Test
    void anAlteredTokenIsRefusedAtTheGateway() {
        String token = accessToken(login(createOrganizer("altered"), "altered-password-123"));
        String[] parts = token.split("\\.");
        String payload = new String(java.util.Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8)
                .replace("\"ORGANIZER\"", "\"ADMIN\"");
        String altered = parts[0] + "." + java.util.Base64.getUrlEncoder().withoutPadding()
                .encodeToString(payload.getBytes(StandardCharsets.UTF_8)) + "." + parts[2];

        assertThat(get("/api/scheduling/delegates?convoyId=x", altered).statusCode()).isEqualTo(401);
        assertThat(post("/api/auth/users", "{\"username\":\"forged\",\"password\":\"forged-password-123\"}", altered)
                .statusCode()).isEqualTo(401);
    }

    @Test
    void eachUserHasHerOwnRateLimitWith429AndRetryAfter() {
        String busy = accessToken(login(createOrganizer("busy"), "busy-password-123"));
        String calm = accessToken(login(createOrganizer("calm"), "calm-password-123"));
        HttpResponse<String> last = null;
        for (int i = 0; i < 26; i++) {
            last = get("/api/scheduling/delegates?convoyId=california-2023", busy);
        }

        assertThat(last.statusCode()).isEqualTo(429);
        assertThat(last.headers().firstValue("Retry-After")).hasValueSatisfying(
                seconds -> assertThat(Long.parseLong(seconds)).isPositive());
        assertThat(last.body()).contains("Too many calls from your account");
        assertThat(get("/api/scheduling/delegates?convoyId=california-2023", calm).statusCode()).isEqualTo(200);
    }

    private String createOrganizer(String prefix) {
        String name = prefix + "-" + UUID.randomUUID().toString().substring(0, 6);
        HttpResponse<String> created = post("/api/auth/users",
                "{\"username\":\"" + name + "\",\"password\":\"" + prefix + "-password-123\"}", adminToken());
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        assertThat(json.readTree(created.body()).path("roles").get(0).asString()).isEqualTo("ORGANIZER");
        return name;
    }

    private String adminToken() {
        await().atMost(Duration.ofSeconds(20)).until(() -> login("root-admin", ADMIN_PASSWORD).statusCode() == 200);
        return accessToken(login("root-admin", ADMIN_PASSWORD));
    }

    private String nameOf(String token) {
        return serviceDecoder.decode(token).getSubject();
    }

    private String accessToken(HttpResponse<String> login) {
        assertThat(login.statusCode()).as(login.body()).isEqualTo(200);
        return json.readTree(login.body()).path("accessToken").asString();
    }

    private HttpResponse<String> login(String username, String password) {
        return post("/api/auth/login", "{\"username\":\"" + username + "\",\"password\":\"" + password + "\"}", null);
    }

    /** A login from a given client address, as a proxy in front of the gateway reports it. */
    private HttpResponse<String> login(String username, String password, String address) {
        return send(HttpRequest.newBuilder(url("/api/auth/login")).header("Content-Type", "application/json")
                .header("X-Forwarded-For", address)
                .POST(HttpRequest.BodyPublishers.ofString("{\"username\":\"" + username + "\",\"password\":\""
                        + password + "\"}")));
    }

    private HttpResponse<String> post(String path, String body, String token) {
        HttpRequest.Builder request = HttpRequest.newBuilder(url(path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return send(request);
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
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private URI url(String path) {
        return URI.create("http://localhost:" + port + path);
    }

    private static void answer(HttpExchange exchange) throws IOException {
        String authorization = exchange.getRequestHeaders().getFirst("Authorization");
        int status = 401;
        if (authorization != null && authorization.startsWith("Bearer ") && serviceDecoder != null) {
            try {
                Jwt token = serviceDecoder.decode(authorization.substring(7));
                ACCEPTED.add(token.getSubject());
                status = token.getClaimAsStringList("roles").contains("ORGANIZER") ? 200 : 403;
            } catch (JwtException refused) {
                status = 401;
            }
        }
        byte[] body = "[]".getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, body.length);
        exchange.getResponseBody().write(body);
        exchange.close();
    }
}
