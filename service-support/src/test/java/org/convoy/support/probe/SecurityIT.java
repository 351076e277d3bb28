package org.convoy.support.probe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.convoy.support.test.ProblemAssertions.assertProblem;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.convoy.events.OrganizerAccessEnded;
import org.convoy.events.OrganizerLoggedOut;
import org.convoy.support.test.Http;
import org.convoy.support.test.ServiceIntegrationTest;
import org.convoy.support.test.TestEventPublisher;
import org.convoy.support.test.TestTokens;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import tools.jackson.databind.json.JsonMapper;

/**
 * The filter chain every service shares: organizer tokens are checked by the service itself against the gateway's
 * keys; anything missing, expired, altered or foreign is 401, a role too small is 403, both as problem+json.
 */
@ServiceIntegrationTest
class SecurityIT {

    @LocalServerPort
    int port;

    @Autowired
    TestEventPublisher events;

    private final JsonMapper json = JsonMapper.builder().build();

    @Test
    void anOrganizerTokenOpensOrganizerCallsAndNamesTheOrganizer() {
        HttpResponse<String> response = Http.get(url("/parcels/ledger"), TestTokens.organizer());

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(json.readTree(response.body()).path("readBy").asString()).isEqualTo("organizer.test");
    }

    @Test
    void withoutATokenAnOrganizerCallIs401ProblemJson() {
        HttpResponse<String> response = Http.get(url("/parcels/ledger"));

        assertProblem(response, 401, "Unauthorized");
        assertThat(response.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(
                value -> assertThat(value).startsWith("Bearer"));
    }

    @Test
    void anExpiredTokenIs401() {
        assertProblem(Http.get(url("/parcels/ledger"), TestTokens.expired()), 401, "Unauthorized");
    }

    @Test
    void aTokenWhosePayloadWasChangedIs401() {
        assertProblem(Http.get(url("/parcels/ledger"), TestTokens.tamperedToAdmin()), 401, "Unauthorized");
    }

    @Test
    void aTokenSignedByAnotherKeyIs401EvenWithAKnownKeyId() {
        assertProblem(Http.get(url("/parcels/ledger"), TestTokens.signedByAnotherKey()), 401, "Unauthorized");
    }

    @Test
    void aTokenFromAnotherIssuerIs401() {
        assertProblem(Http.get(url("/parcels/ledger"), TestTokens.fromAnotherIssuer()), 401, "Unauthorized");
    }

    @Test
    void garbageInTheAuthorizationHeaderIs401NotA500() {
        assertProblem(Http.get(url("/parcels/ledger"), "v1.not-a-jwt.123.sig"), 401, "Unauthorized");
    }

    @Test
    void aTokenThatDoesNotSayWhenItEndsOrHasNoIdIs401() {
        assertThat(Http.get(url("/parcels/ledger"), TestTokens.withoutExpiry()).statusCode()).isEqualTo(401);
        assertThat(Http.get(url("/parcels/ledger"), TestTokens.withoutId()).statusCode()).isEqualTo(401);
    }

    @Test
    void aTokenLoggedOutAtTheGatewayIsRefusedHereWithinSeconds() {
        String token = TestTokens.organizer();
        assertThat(Http.get(url("/parcels/ledger"), token).statusCode()).isEqualTo(200);

        events.publish(new OrganizerLoggedOut(UUID.randomUUID(), Instant.now(), OrganizerLoggedOut.SCHEMA_VERSION,
                "organizer.test", TestTokens.idOf(token), Instant.now().plus(Duration.ofMinutes(15))));

        await().atMost(Duration.ofSeconds(3)).untilAsserted(() ->
                assertThat(Http.get(url("/parcels/ledger"), token).statusCode()).isEqualTo(401));
        assertThat(Http.get(url("/parcels/ledger"), TestTokens.organizer()).statusCode())
                .as("other tokens of the same organizer still work").isEqualTo(200);
    }

    @Test
    void aTokenIssuedBeforeItsOrganizersAccessEndedIsRefusedHereWithinSecondsAndANewerOneIsNot() {
        String name = "disabled-" + UUID.randomUUID().toString().substring(0, 8);
        Instant endedAt = Instant.now().minusSeconds(2);
        String before = TestTokens.issuedAt(name, List.of("ORGANIZER"), endedAt.minusSeconds(10));
        String sameSecond = TestTokens.issuedAt(name, List.of("ORGANIZER"), endedAt);
        String colleague = TestTokens.issuedAt("colleague-" + name, List.of("ORGANIZER"), endedAt.minusSeconds(10));
        assertThat(Http.get(url("/parcels/ledger"), before).statusCode()).isEqualTo(200);

        events.publish(new OrganizerAccessEnded(UUID.randomUUID(), Instant.now(), OrganizerAccessEnded.SCHEMA_VERSION,
                name, endedAt, endedAt.plus(Duration.ofMinutes(15)), OrganizerAccessEnded.DISABLED));

        await().atMost(Duration.ofSeconds(3)).untilAsserted(() ->
                assertProblem(Http.get(url("/parcels/ledger"), before), 401, "Unauthorized"));
        assertThat(Http.get(url("/parcels/ledger"), sameSecond).statusCode())
                .as("issued in the second the access ended").isEqualTo(401);
        assertThat(Http.get(url("/parcels/ledger"), TestTokens.token(name, List.of("ORGANIZER"))).statusCode())
                .as("a token issued after the ending, when she may log in again").isEqualTo(200);
        assertThat(Http.get(url("/parcels/ledger"), colleague).statusCode()).as("other organizers' tokens")
                .isEqualTo(200);
    }

    @Test
    void aTokenThatDoesNotSayWhenItWasIssuedIs401() {
        assertProblem(Http.get(url("/parcels/ledger"), TestTokens.withoutIssuedAt()), 401, "Unauthorized");
    }

    @Test
    void aTokenWithoutAnOrganizerRoleIs403() {
        HttpResponse<String> response = Http.get(url("/parcels/ledger"),
                TestTokens.token("delegate.test", java.util.List.of("DELEGATE")));

        assertProblem(response, 403, "Forbidden");
    }

    @Test
    void anAdministratorsCallRefusesAnOrganizerWith403AndAdmitsAnAdministrator() {
        HttpResponse<String> organizer = Http.send("DELETE", url("/parcels/p-1"), null, TestTokens.organizer());
        HttpResponse<String> admin = Http.send("DELETE", url("/parcels/p-1"), null, TestTokens.admin());

        assertProblem(organizer, 403, "Forbidden");
        assertThat(admin.statusCode()).as(admin.body()).isEqualTo(204);
    }

    @Test
    void anAdministratorMayDoWhatAnOrganizerMay() {
        assertThat(Http.get(url("/parcels/ledger"), TestTokens.admin()).statusCode()).isEqualTo(200);
    }

    @Test
    void publicPathsAndHealthStayOpen() {
        HttpResponse<String> parcel = Http.postJson(url("/parcels"), """
                {"name":"Sample","weight":3,"email":"ana@example.org","address":{"city":"Zapopan"}}""");

        assertThat(parcel.statusCode()).isEqualTo(200);
        assertThat(Http.get(url("/actuator/health/readiness")).statusCode()).isEqualTo(200);
        assertThat(Http.get(url("/actuator/prometheus")).statusCode()).isEqualTo(200);
    }

    @Test
    void aPublicPathIsOpenForItsMethodOnly() {
        assertProblem(Http.send("PUT", url("/parcels"), "{}", null), 401, "Unauthorized");
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }
}
