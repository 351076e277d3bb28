package org.convoy.support.probe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.convoy.support.test.ProblemAssertions.assertProblem;

import java.net.http.HttpResponse;
import java.util.List;

import org.convoy.support.test.Http;
import org.convoy.support.test.ServiceIntegrationTest;
import org.convoy.support.test.TestTokens;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import tools.jackson.databind.json.JsonMapper;

/**
 * An organizer an administrator limited to some convoys sees only those: on the paths a service lists in
 * {@code convoy.security.convoy-scoped-paths} (here {@code /probe/convoys/{convoyId}} and below) before any
 * controller runs, and wherever a controller asks {@code OrganizerScope}. Another convoy is answered exactly as an
 * unknown one, so she does not learn that it exists.
 */
@ServiceIntegrationTest
class OrganizerScopeIT {

    private static final String TEXAS = "texas-2027";
    private static final String CALIFORNIA = "california-2023";

    @LocalServerPort
    int port;

    private final JsonMapper json = JsonMapper.builder().build();
    private final String texasOnly = TestTokens.scoped("lucia.texas", List.of(TEXAS));

    @Test
    void aScopedOrganizerReachesHerOwnConvoysPaths() {
        HttpResponse<String> parcels = Http.get(url("/probe/convoys/" + TEXAS + "/parcels"), texasOnly);
        HttpResponse<String> convoy = Http.get(url("/probe/convoys/" + TEXAS), texasOnly);

        assertThat(parcels.statusCode()).as(parcels.body()).isEqualTo(200);
        assertThat(json.readTree(parcels.body()).path("convoyId").asString()).isEqualTo(TEXAS);
        assertThat(convoy.statusCode()).as(convoy.body()).isEqualTo(200);
    }

    @Test
    void anotherConvoysPathsAre404ProblemJsonLikeAnUnknownConvoy() {
        for (String path : List.of("/probe/convoys/" + CALIFORNIA + "/parcels", "/probe/convoys/" + CALIFORNIA,
                "/probe/convoys/" + CALIFORNIA + "/", "/probe/convoys/california%2D2023/parcels",
                "/probe/convoys/" + CALIFORNIA + "/board")) {
            HttpResponse<String> response = Http.get(url(path), texasOnly);

            assertProblem(response, 404, "No such convoy");
            assertThat(json.readTree(response.body()).path("detail").asString()).as(path)
                    .isEqualTo("There is no convoy " + CALIFORNIA + ".");
        }
    }

    @Test
    void administratorsAndOrganizersWithoutALimitReachEveryConvoy() {
        for (String token : List.of(TestTokens.admin(), TestTokens.organizer(),
                TestTokens.scoped("organizer.empty-scope", List.of()))) {
            assertThat(Http.get(url("/probe/convoys/" + CALIFORNIA + "/parcels"), token).statusCode()).isEqualTo(200);
            assertThat(Http.get(url("/probe/convoys/" + TEXAS), token).statusCode()).isEqualTo(200);
        }
    }

    @Test
    void aControllerAskingTheScopeRefusesAnotherConvoyWith404AndAdmitsHerOwn() {
        HttpResponse<String> own = Http.get(url("/parcels/manifest?convoyId=" + TEXAS), texasOnly);
        HttpResponse<String> other = Http.get(url("/parcels/manifest?convoyId=" + CALIFORNIA), texasOnly);
        HttpResponse<String> unlimited = Http.get(url("/parcels/manifest?convoyId=" + CALIFORNIA),
                TestTokens.organizer());

        assertThat(own.statusCode()).as(own.body()).isEqualTo(200);
        assertThat(json.readTree(own.body()).path("limitedTo").asString()).isEqualTo("[" + TEXAS + "]");
        assertProblem(other, 404, "No such convoy");
        assertThat(unlimited.statusCode()).isEqualTo(200);
        assertThat(json.readTree(unlimited.body()).path("limitedTo").asString()).isEqualTo("every convoy");
    }

    @Test
    void aPublicScopedPathStaysOpenToCallersWithoutAnOrganizerToken() {
        assertThat(Http.get(url("/probe/convoys/" + CALIFORNIA + "/board")).statusCode()).isEqualTo(200);
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }
}
