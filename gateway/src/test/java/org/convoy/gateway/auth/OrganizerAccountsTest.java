package org.convoy.gateway.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.convoy.events.EventCodec;
import org.convoy.events.EventHeaders;
import org.convoy.events.OrganizerAccessEnded;
import org.convoy.events.Topics;
import org.convoy.gateway.StandInService;
import org.convoy.gateway.TestKafka;
import org.convoy.gateway.TestMongo;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Organizers' accounts through the real gateway, with a real broker for the session stream: administrators list,
 * disable, limit and remove organizers; an organizer changes her own password. Whatever takes access away ends her
 * tokens at the gateway at once and is announced to the services ({@code OrganizerAccessEnded}); that a service
 * called directly then refuses them is {@code SecurityIT}'s part, in service-support.
 */
@ContextConfiguration(initializers = { TestMongo.class, TestKafka.class })
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "CONVOY_ADMIN_USERNAME=chief", "CONVOY_ADMIN_PASSWORD=" + OrganizerAccountsTest.ADMIN_PASSWORD,
        "convoy.gateway.auth.login-throttle.per-user-and-address=3",
        "convoy.gateway.auth.login-throttle.per-address=1000", "convoy.gateway.auth.login-throttle.per-user=1000",
        "convoy.gateway.auth.login-throttle.refill-every=1h",
        "convoy.gateway.public-rate-limit.trust-forwarded-for=true" })
class OrganizerAccountsTest {

    static final String ADMIN_PASSWORD = "the-chief-administrator-password";

    /** The bearer tokens the service behind the gateway received. */
    static final List<String> FORWARDED = new CopyOnWriteArrayList<>();
    static final HttpServer SERVICE = StandInService.start(OrganizerAccountsTest::answer);

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

    @Autowired
    Accounts accounts;

    @Autowired
    Users users;

    @Autowired
    PasswordEncoder passwords;

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final JsonMapper json = JsonMapper.builder().build();
    private final EventCodec codec = new EventCodec();
    private final List<ConsumerRecord<String, byte[]>> announced = new ArrayList<>();
    private Consumer<String, byte[]> sessions;

    @BeforeEach
    void readTheSessionStream() {
        Map<String, Object> config = new HashMap<>();
        config.put("bootstrap.servers", TestKafka.bootstrapServers());
        config.put("group.id", "accounts-test-" + UUID.randomUUID());
        config.put("auto.offset.reset", "earliest");
        sessions = new DefaultKafkaConsumerFactory<>(config, new StringDeserializer(), new ByteArrayDeserializer())
                .createConsumer();
        sessions.subscribe(List.of(Topics.SESSIONS));
    }

    @AfterEach
    void stopReading() {
        sessions.close();
    }

    @Test
    void anAdministratorListsTheAccountsAndNeverTheirPasswords() {
        String name = createOrganizer("listed");

        HttpResponse<String> response = send("GET", "/api/auth/users", null, adminToken());

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(response.headers().firstValue("Cache-Control")).hasValueSatisfying(
                value -> assertThat(value).contains("no-store"));
        JsonNode listed = account(response, name);
        assertThat(listed.path("roles").get(0).asString()).isEqualTo("ORGANIZER");
        assertThat(listed.path("enabled").asBoolean()).isTrue();
        assertThat(listed.path("convoys").isArray()).isTrue();
        assertThat(listed.path("convoys").size()).isZero();
        assertThat(Instant.parse(listed.path("createdAt").asString())).isBefore(Instant.now().plusSeconds(1));
        assertThat(account(response, "chief").path("roles").valueStream().map(JsonNode::asString))
                .contains("ADMIN");
        assertThat(response.body()).doesNotContain("passwordHash", "$2a$", "password");
    }

    @Test
    void onlyAnAdministratorManagesAccounts() {
        String name = createOrganizer("curious");
        String organizer = accessToken(login(name, "curious-password-123"));

        assertProblem(send("GET", "/api/auth/users", null, null), 401);
        assertProblem(send("GET", "/api/auth/users", null, organizer), 403);
        assertProblem(send("PUT", "/api/auth/users/" + name, "{\"convoys\":[]}", organizer), 403);
        assertProblem(send("DELETE", "/api/auth/users/chief", null, organizer), 403);
    }

    @Test
    void aDisabledOrganizersTokenIsRefusedAtTheGatewayAtOnceAndTheServicesAreTold() {
        String name = createOrganizer("paused");
        String token = accessToken(login(name, "paused-password-123"));
        assertThat(callService(token).statusCode()).isEqualTo(200);
        long forwarded = timesForwarded(token);

        HttpResponse<String> disabled = send("PUT", "/api/auth/users/" + name, "{\"enabled\":false}", adminToken());

        assertThat(disabled.statusCode()).as(disabled.body()).isEqualTo(200);
        assertThat(json.readTree(disabled.body()).path("enabled").asBoolean()).isFalse();
        assertProblem(callService(token), 401);
        assertThat(timesForwarded(token)).as("refused before any service sees it").isEqualTo(forwarded);
        OrganizerAccessEnded event = announcedEnding(name);
        assertThat(event.reason()).isEqualTo(OrganizerAccessEnded.DISABLED);
        assertThat(event.endedAt()).isAfterOrEqualTo(issuedAt(token));
        assertThat(event.tokensExpireBy()).isEqualTo(event.endedAt().plus(Duration.ofMinutes(15)));
    }

    @Test
    void aDisabledOrganizerCannotLogInAndLearnsNothingFromTheAnswerUntilSheIsEnabledAgain() {
        String name = createOrganizer("locked");
        send("PUT", "/api/auth/users/" + name, "{\"enabled\":false}", adminToken());

        HttpResponse<String> rightPassword = login(name, "locked-password-123");
        HttpResponse<String> wrongPassword = login(name, "not-her-password-1");

        assertThat(rightPassword.statusCode()).isEqualTo(401);
        assertThat(rightPassword.body()).isEqualTo(wrongPassword.body()).contains("Wrong user name or password");

        HttpResponse<String> enabled = send("PUT", "/api/auth/users/" + name, "{\"enabled\":true}", adminToken());
        assertThat(enabled.statusCode()).isEqualTo(200);
        String token = accessToken(login(name, "locked-password-123", "192.0.2.10"));
        assertThat(callService(token).statusCode()).as("her new token works at once").isEqualTo(200);
    }

    @Test
    void herConvoysGoIntoHerTokensAndChangingThemEndsTheTokensSheHeld() throws Exception {
        String name = createOrganizer("scoped");
        String before = accessToken(login(name, "scoped-password-123"));

        HttpResponse<String> scoped = send("PUT", "/api/auth/users/" + name,
                "{\"convoys\":[\"texas-2027\",\"sonora-2027\",\"texas-2027\"]}", adminToken());

        assertThat(scoped.statusCode()).as(scoped.body()).isEqualTo(200);
        assertThat(json.readTree(scoped.body()).path("convoys").valueStream().map(JsonNode::asString))
                .containsExactly("sonora-2027", "texas-2027");
        assertThat(json.readTree(scoped.body()).path("enabled").asBoolean()).isTrue();
        assertProblem(callService(before), 401);
        assertThat(announcedEnding(name).reason()).isEqualTo(OrganizerAccessEnded.SCOPE_CHANGED);

        HttpResponse<String> login = login(name, "scoped-password-123");
        String after = accessToken(login);
        assertThat(SignedJWT.parse(after).getJWTClaimsSet().getStringListClaim("convoys"))
                .containsExactly("sonora-2027", "texas-2027");
        assertThat(json.readTree(login.body()).path("convoys").size()).isEqualTo(2);
        assertThat(callService(after).statusCode()).isEqualTo(200);

        send("PUT", "/api/auth/users/" + name, "{\"convoys\":[]}", adminToken());
        String unlimited = accessToken(login(name, "scoped-password-123"));
        assertThat(SignedJWT.parse(unlimited).getJWTClaimsSet().getClaim("convoys")).as("every convoy").isNull();
        assertProblem(callService(after), 401);
    }

    @Test
    void sendingTheSameAccessAgainEndsNoToken() {
        String name = createOrganizer("steady");
        send("PUT", "/api/auth/users/" + name, "{\"convoys\":[\"texas-2027\"]}", adminToken());
        String token = accessToken(login(name, "steady-password-123"));

        HttpResponse<String> again = send("PUT", "/api/auth/users/" + name,
                "{\"enabled\":true,\"convoys\":[\"texas-2027\"]}", adminToken());

        assertThat(again.statusCode()).isEqualTo(200);
        assertThat(callService(token).statusCode()).isEqualTo(200);
    }

    @Test
    void badConvoysUnknownFieldsAndWrongTypesAre400NamingTheField() {
        String name = createOrganizer("strict");
        String admin = adminToken();

        assertThat(fields(send("PUT", "/api/auth/users/" + name, "{\"convoys\":[\"Texas 2027\"]}", admin)))
                .containsExactly("convoys[0]");
        assertThat(fields(send("PUT", "/api/auth/users/" + name, "{\"convoys\":[\"tx\"]}", admin)))
                .containsExactly("convoys[0]");
        assertThat(fields(send("PUT", "/api/auth/users/" + name, "{\"roles\":[\"ADMIN\"]}", admin)))
                .containsExactly("roles");
        assertThat(fields(send("PUT", "/api/auth/users/" + name, "{\"enabled\":\"perhaps\"}", admin)))
                .containsExactly("enabled");
    }

    @Test
    void anUnknownAccountIs404ProblemJson() {
        String admin = adminToken();

        assertProblem(send("PUT", "/api/auth/users/nobody-here", "{\"enabled\":false}", admin), 404);
        assertProblem(send("DELETE", "/api/auth/users/nobody-here", null, admin), 404);
    }

    @Test
    void aRemovedOrganizersTokensEndAndSheCannotLogIn() {
        String name = createOrganizer("leaving");
        String token = accessToken(login(name, "leaving-password-123"));

        HttpResponse<String> removed = send("DELETE", "/api/auth/users/" + name, null, adminToken());

        assertThat(removed.statusCode()).as(removed.body()).isEqualTo(204);
        assertProblem(callService(token), 401);
        assertThat(login(name, "leaving-password-123").statusCode()).isEqualTo(401);
        assertThat(announcedEnding(name).reason()).isEqualTo(OrganizerAccessEnded.REMOVED);
        assertProblem(send("DELETE", "/api/auth/users/" + name, null, adminToken()), 404);
    }

    @Test
    void anAdministratorCannotDisableRemoveOrLimitHerself() {
        String admin = adminToken();

        HttpResponse<String> disable = send("PUT", "/api/auth/users/chief", "{\"enabled\":false}", admin);
        HttpResponse<String> remove = send("DELETE", "/api/auth/users/chief", null, admin);
        HttpResponse<String> limit = send("PUT", "/api/auth/users/chief", "{\"convoys\":[\"texas-2027\"]}", admin);

        assertProblem(disable, 409);
        assertThat(json.readTree(disable.body()).path("title").asString()).isEqualTo("Not your own account");
        assertProblem(remove, 409);
        assertProblem(limit, 409);
        assertThat(callService(admin).statusCode()).as("her token still works").isEqualTo(200);
    }

    @Test
    void anotherAdministratorIsDisabledAndRemovedButNeverTheLastOneWhoCanLogIn() {
        String second = "deputy-" + UUID.randomUUID().toString().substring(0, 6);
        users.insert(Users.User.create(second, passwords.encode("deputy-password-123"),
                List.of(Users.ADMIN, Users.ORGANIZER), Instant.now(), "test")).block();
        String deputy = accessToken(login(second, "deputy-password-123"));

        assertThat(send("PUT", "/api/auth/users/" + second, "{\"enabled\":false}", adminToken()).statusCode())
                .isEqualTo(200);
        assertProblem(send("GET", "/api/auth/users", null, deputy), 401);
        assertThat(send("DELETE", "/api/auth/users/" + second, null, adminToken()).statusCode()).isEqualTo(204);

        // Only the chief can log in now: nobody may take that away, even with a token still in hand elsewhere.
        assertThatThrownBy(() -> accounts.changeAccess(second, "chief", false, List.of()).block())
                .isInstanceOf(AuthErrors.AccountConflict.class).hasMessageContaining("last administrator");
        assertThatThrownBy(() -> accounts.remove(second, "chief").block())
                .isInstanceOf(AuthErrors.AccountConflict.class).hasMessageContaining("last administrator");
        assertThat(login("chief", ADMIN_PASSWORD).statusCode()).isEqualTo(200);
    }

    @Test
    void anOrganizerChangesHerPasswordAndEveryTokenSheHeldEnds() {
        String name = createOrganizer("renewing");
        String first = accessToken(login(name, "renewing-password-123"));
        String second = accessToken(login(name, "renewing-password-123"));

        HttpResponse<String> changed = send("PUT", "/api/auth/password",
                "{\"currentPassword\":\"renewing-password-123\",\"newPassword\":\"a-brand-new-passphrase\"}", first);

        String renewed = accessToken(login(name, "a-brand-new-passphrase"));

        assertThat(changed.statusCode()).as(changed.body()).isEqualTo(204);
        assertThat(callService(renewed).statusCode()).as("a token issued right after the change works")
                .isEqualTo(200);
        assertProblem(callService(second), 401);
        assertProblem(callService(first), 401);
        assertThat(login(name, "renewing-password-123").statusCode()).isEqualTo(401);
        assertThat(announcedEnding(name).reason()).isEqualTo(OrganizerAccessEnded.PASSWORD_CHANGED);
    }

    @Test
    void aWrongCurrentPasswordIs400AndCountsAsAGuessLikeALogin() {
        String name = createOrganizer("guarded");
        String token = accessToken(login(name, "guarded-password-123"));
        for (int i = 0; i < 3; i++) {
            HttpResponse<String> wrong = send("PUT", "/api/auth/password",
                    "{\"currentPassword\":\"guess-" + i + "\",\"newPassword\":\"a-brand-new-passphrase\"}", token,
                    "203.0.113.77");
            assertThat(fields(wrong)).containsExactly("currentPassword");
        }

        HttpResponse<String> throttled = send("PUT", "/api/auth/password",
                "{\"currentPassword\":\"guarded-password-123\",\"newPassword\":\"a-brand-new-passphrase\"}", token,
                "203.0.113.77");

        assertProblem(throttled, 429);
        assertThat(throttled.headers().firstValue("Retry-After")).isPresent();
        assertThat(login(name, "guarded-password-123", "203.0.113.77").statusCode()).as("logins too")
                .isEqualTo(429);
        assertThat(callService(token).statusCode()).as("her password and tokens are as they were").isEqualTo(200);
    }

    @Test
    void aNewPasswordMustBe12To72CharactersAndNotTheCurrentOne() {
        String name = createOrganizer("careful");
        String token = accessToken(login(name, "careful-password-123"));

        assertThat(fields(send("PUT", "/api/auth/password",
                "{\"currentPassword\":\"careful-password-123\",\"newPassword\":\"short\"}", token)))
                .containsExactly("newPassword");
        assertThat(fields(send("PUT", "/api/auth/password",
                "{\"currentPassword\":\"careful-password-123\",\"newPassword\":\"" + "x".repeat(73) + "\"}", token)))
                .containsExactly("newPassword");
        assertThat(fields(send("PUT", "/api/auth/password",
                "{\"currentPassword\":\"careful-password-123\",\"newPassword\":\"careful-password-123\"}", token)))
                .containsExactly("newPassword");
        assertThat(fields(send("PUT", "/api/auth/password", "{\"currentPassword\":\"careful-password-123\","
                + "\"newPassword\":\"a-brand-new-passphrase\",\"username\":\"chief\"}", token)))
                .containsExactly("username");
        assertProblem(send("PUT", "/api/auth/password",
                "{\"currentPassword\":\"careful-password-123\",\"newPassword\":\"a-brand-new-passphrase\"}", null), 401);
        assertThat(callService(token).statusCode()).isEqualTo(200);
    }

    // ------------------------------------------------------------------------------------------------ helpers

    /** The newest OrganizerAccessEnded announced for this user, waiting for the broker to have it. */
    private OrganizerAccessEnded announcedEnding(String username) {
        List<OrganizerAccessEnded> endings = new ArrayList<>();
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            sessions.poll(Duration.ofMillis(200)).forEach(announced::add);
            endings.clear();
            announced.stream().filter(record -> username.equals(record.key()))
                    .filter(record -> "OrganizerAccessEnded".equals(new String(
                            record.headers().lastHeader(EventHeaders.EVENT_TYPE).value(), StandardCharsets.UTF_8)))
                    .forEach(record -> endings.add(codec.read(record.value(), OrganizerAccessEnded.class)));
            assertThat(endings).isNotEmpty();
        });
        OrganizerAccessEnded newest = endings.get(endings.size() - 1);
        assertThat(newest.username()).isEqualTo(username);
        return newest;
    }

    private static long timesForwarded(String token) {
        String signature = token.substring(token.lastIndexOf('.'));
        return FORWARDED.stream().filter(signature::equals).count();
    }

    private HttpResponse<String> callService(String token) {
        return send("GET", "/api/scheduling/delegates?convoyId=texas-2027", null, token);
    }

    private String createOrganizer(String prefix) {
        String name = prefix + "-" + UUID.randomUUID().toString().substring(0, 6);
        HttpResponse<String> created = send("POST", "/api/auth/users",
                "{\"username\":\"" + name + "\",\"password\":\"" + prefix + "-password-123\"}", adminToken());
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        return name;
    }

    private String adminToken() {
        await().atMost(Duration.ofSeconds(20)).until(() -> login("chief", ADMIN_PASSWORD).statusCode() == 200);
        return accessToken(login("chief", ADMIN_PASSWORD));
    }

    private JsonNode account(HttpResponse<String> list, String username) {
        return json.readTree(list.body()).valueStream().filter(user -> username.equals(user.path("username").asString()))
                .findFirst().orElseThrow(() -> new AssertionError(username + " not listed: " + list.body()));
    }

    private List<String> fields(HttpResponse<String> response) {
        assertProblem(response, 400);
        return json.readTree(response.body()).path("errors").valueStream().map(e -> e.path("field").asString())
                .toList();
    }

    private static void assertProblem(HttpResponse<String> response, int status) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(response.body()).doesNotContain("Exception");
    }

    private static Instant issuedAt(String token) {
        try {
            return SignedJWT.parse(token).getJWTClaimsSet().getIssueTime().toInstant();
        } catch (java.text.ParseException e) {
            throw new IllegalArgumentException(e);
        }
    }

    private String accessToken(HttpResponse<String> login) {
        assertThat(login.statusCode()).as(login.body()).isEqualTo(200);
        return json.readTree(login.body()).path("accessToken").asString();
    }

    private HttpResponse<String> login(String username, String password) {
        return login(username, password, "198.51.100.1");
    }

    private HttpResponse<String> login(String username, String password, String address) {
        return send("POST", "/api/auth/login",
                "{\"username\":\"" + username + "\",\"password\":\"" + password + "\"}", null, address);
    }

    private HttpResponse<String> send(String method, String path, String body, String token) {
        return send(method, path, body, token, "198.51.100.1");
    }

    /** A call from a given client address, as a proxy in front of the gateway reports it. */
    private HttpResponse<String> send(String method, String path, String body, String token, String address) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("X-Forwarded-For", address)
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body))
                .timeout(Duration.ofSeconds(30));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A service that answers every call it is given; the gateway decides which calls reach it. */
    private static void answer(HttpExchange exchange) throws IOException {
        String authorization = exchange.getRequestHeaders().getFirst("Authorization");
        if (authorization != null) {
            FORWARDED.add(authorization.substring(authorization.lastIndexOf('.')));
        }
        byte[] body = "[]".getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(200, body.length);
        exchange.getResponseBody().write(body);
        exchange.close();
    }
}
