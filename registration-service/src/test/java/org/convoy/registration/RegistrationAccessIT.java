package org.convoy.registration;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.convoy.registration.delegate.SelfServiceLinks;
import org.convoy.registration.delegate.domain.RegistrationRepository;
import org.convoy.support.test.Http;
import org.convoy.support.test.ProblemAssertions;
import org.convoy.support.test.ServiceIntegrationTest;
import org.convoy.support.test.TestTokens;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Who may do what in registration: delegates through their personal link, and only with their own registration (a
 * lead also with her companions); organizers with their token; erasure only administrators. Calling the service
 * directly, around the gateway, changes none of it.
 */
@ServiceIntegrationTest
class RegistrationAccessIT {

    private static final String CHANGE = """
            {"givenName":"María","familyName":"Hernández","preferredLanguage":"es",
             "organization":"Gobierno Municipal de Zapopan","position":"Presidenta Municipal","channels":["EMAIL"]}""";

    @LocalServerPort
    int port;

    @Autowired
    SelfServiceLinks links;

    @Autowired
    RegistrationRepository registrations;

    private final JsonMapper json = JsonMapper.builder().build();

    @Test
    void everyOrganizerCallWithoutATokenIs401ProblemJson() {
        UUID someone = UUID.randomUUID();
        for (HttpResponse<String> response : organizerCalls(someone, null, Map.of())) {
            assertThat(response.statusCode()).as(response.request().method() + " " + response.uri()).isEqualTo(401);
            assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                    type -> assertThat(type).startsWith("application/problem+json"));
        }
    }

    @Test
    void organizerCallsRefuseAPersonalLinkInEitherHeader() {
        UUID mayor = lead(register("refuse"));
        String link = linkToken(mayor);

        for (HttpResponse<String> response : organizerCalls(mayor, null, Map.of(SelfServiceLinks.HEADER, link))) {
            assertThat(response.statusCode()).as(response.request().method() + " " + response.uri()).isEqualTo(401);
        }
        for (HttpResponse<String> response : organizerCalls(mayor, null, Map.of("Authorization", "Bearer " + link))) {
            assertThat(response.statusCode()).as(response.request().method() + " " + response.uri()).isEqualTo(401);
        }
        assertThat(registrations.findById(mayor).orElseThrow().member(mayor).status().name()).isEqualTo("SUBMITTED");
    }

    @Test
    void anOrganizerMayDecideButOnlyAnAdministratorMayErase() {
        UUID mayor = lead(register("erase-role"));
        String convoy = "california-2023";

        HttpResponse<String> erase = Http.send("DELETE", url("/api/registrations/" + mayor), null, TestTokens.organizer());
        HttpResponse<String> eraseConvoy = Http.postJson(url("/api/registrations/erasures"),
                "{\"convoyId\":\"" + convoy + "\"}", TestTokens.organizer());
        HttpResponse<String> read = Http.get(url("/api/registrations/" + mayor), TestTokens.organizer());

        assertThat(erase.statusCode()).isEqualTo(403);
        assertThat(erase.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(eraseConvoy.statusCode()).isEqualTo(403);
        assertThat(read.statusCode()).isEqualTo(200);
        assertThat(registrations.findById(mayor).orElseThrow().member(mayor).profile().email()).isNotNull();
    }

    @Test
    void theHistoryNamesTheOrganizerWhoDecided() {
        UUID mayor = lead(register("who-decided"));

        Http.postJson(url("/api/registrations/approvals"), "{\"delegateIds\":[\"" + mayor + "\"]}",
                TestTokens.token("lucia.ramos", List.of("ORGANIZER")));

        JsonNode history = json.readTree(Http.get(url("/api/registrations/" + mayor + "/history"),
                TestTokens.organizer()).body());
        assertThat(history.path("changes").get(2).path("change").asString()).isEqualTo("APPROVED");
        assertThat(history.path("changes").get(2).path("by").asString()).isEqualTo("organizer lucia.ramos");
    }

    @Test
    void aDelegatesLinkOpensHerOwnRegistrationAndNobodyElses() {
        JsonNode ana = register("ana");
        JsonNode bea = register("bea");
        UUID anaId = lead(ana);
        UUID beaId = lead(bea);
        String anasLink = linkToken(anaId);

        HttpResponse<String> own = self("GET", "", null, anasLink);
        HttpResponse<String> editBea = self("PUT", "/group/" + beaId, CHANGE, anasLink);
        HttpResponse<String> withdrawBea = self("POST", "/withdrawal", "{\"delegateIds\":[\"" + beaId + "\"]}",
                anasLink);

        assertThat(json.readTree(own.body()).path("delegateId").asString()).isEqualTo(anaId.toString());
        assertThat(own.body()).doesNotContain(beaId.toString());
        assertThat(editBea.statusCode()).isEqualTo(404);
        assertThat(withdrawBea.statusCode()).isEqualTo(404);
        var beaNow = registrations.findById(beaId).orElseThrow().member(beaId);
        assertThat(beaNow.status().name()).isEqualTo("SUBMITTED");
        assertThat(beaNow.profile().familyName()).isEqualTo("Hernández Núñez");
    }

    @Test
    void selfServiceNeedsThePersonalLinkNotAnOrganizersToken() {
        HttpResponse<String> organizer = Http.get(url("/api/registrations/self"), TestTokens.organizer());
        HttpResponse<String> nothing = Http.get(url("/api/registrations/self"));

        assertThat(organizer.statusCode()).isEqualTo(401);
        assertThat(nothing.statusCode()).isEqualTo(401);
        assertThat(nothing.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
    }

    @Test
    void aDelegateCannotSetHerStatusRoleOrIdThroughHerOwnChange() {
        UUID mayor = lead(register("mass-assignment"));
        String link = linkToken(mayor);

        for (String field : List.of("\"status\":\"APPROVED\"", "\"role\":\"STATE_REPRESENTATIVE\"",
                "\"delegateId\":\"" + UUID.randomUUID() + "\"", "\"convoyId\":\"another\"", "\"lead\":true")) {
            HttpResponse<String> response = self("PUT", "", CHANGE.replace("{", "{" + field + ","), link);

            assertThat(response.statusCode()).as(field).isEqualTo(400);
            assertThat(json.readTree(response.body()).path("title").asString()).isEqualTo("Unknown field");
            assertThat(json.readTree(response.body()).path("errors").get(0).path("field").asString())
                    .isEqualTo(field.substring(1, field.indexOf('"', 1)));
        }
        var member = registrations.findById(mayor).orElseThrow().member(mayor);
        assertThat(member.status().name()).isEqualTo("SUBMITTED");
        assertThat(member.profile().role()).isEqualTo("MAYOR");
    }

    @Test
    void registeringAskingForALinkAndTheApiDescriptionStayOpen() {
        HttpResponse<String> linkRequest = Http.postJson(url("/api/registrations/link-requests"),
                "{\"convoyId\":\"california-2023\",\"email\":\"nobody@example.org\"}");
        HttpResponse<String> openApi = Http.get(url("/api/registrations/openapi.json"));

        assertThat(lead(register("open"))).isNotNull();
        assertThat(linkRequest.statusCode()).isEqualTo(202);
        assertThat(openApi.statusCode()).isEqualTo(200);
    }

    /** One of each organizer call, with the given token (or none) and extra headers. */
    @Test
    void pagingOutOfRangeIs400NamingTheParameterNever500() {
        for (String query : List.of("size=100000", "page=-1", "size=-5", "size=0")) {
            HttpResponse<String> response = Http.get(url("/api/registrations?convoyId=california-2023&" + query),
                    TestTokens.organizer());

            ProblemAssertions.assertProblem(response, 400, "Invalid request");
            assertThat(json.readTree(response.body()).path("errors").get(0).path("field").asString())
                    .isEqualTo(query.substring(0, query.indexOf('=')));
        }
    }

    @Test
    void deletingTheSelfServiceAddressReachesNoErasure() {
        HttpResponse<String> response = Http.send("DELETE", url("/api/registrations/self"), null,
                TestTokens.admin());

        assertThat(response.statusCode()).isIn(404, 405);
        assertThat(response.body()).doesNotContain("convert", "Failed");
    }

    private List<HttpResponse<String>> organizerCalls(UUID delegate, String token, Map<String, String> headers) {
        String ids = "{\"delegateIds\":[\"" + delegate + "\"]}";
        return List.of(
                call("GET", "/api/registrations?convoyId=california-2023", null, token, headers),
                call("GET", "/api/registrations/" + delegate, null, token, headers),
                call("GET", "/api/registrations/" + delegate + "/history", null, token, headers),
                call("GET", "/api/registrations/export.csv?convoyId=california-2023", null, token, headers),
                call("POST", "/api/registrations/approvals", ids, token, headers),
                call("POST", "/api/registrations/rejections", ids.replace("}", ",\"reason\":\"x\"}"), token, headers),
                call("DELETE", "/api/registrations/" + delegate, null, token, headers),
                call("POST", "/api/registrations/erasures", "{\"convoyId\":\"california-2023\"}", token, headers));
    }

    private HttpResponse<String> call(String method, String path, String body, String token,
            Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url(path))).method(method,
                body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
                .header("Content-Type", "application/json");
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        headers.forEach(request::header);
        return Http.send(request);
    }

    private HttpResponse<String> self(String method, String path, String body, String link) {
        return call(method, "/api/registrations/self" + path, body, null, Map.of(SelfServiceLinks.HEADER, link));
    }

    private JsonNode register(String who) {
        HttpResponse<String> response = Http.postJson(url("/api/registrations"),
                RegistrationRequests.mayor(who + "." + UUID.randomUUID().toString().substring(0, 8) + "@example.org"));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        return json.readTree(response.body());
    }

    private static UUID lead(JsonNode submission) {
        return submission.path("members").valueStream().filter(member -> member.path("lead").asBoolean())
                .map(member -> UUID.fromString(member.path("delegateId").asString())).findFirst().orElseThrow();
    }

    private String linkToken(UUID delegateId) {
        return links.session(delegateId).token();
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }
}
