package org.convoy.support.probe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.convoy.support.test.ProblemAssertions.assertProblem;

import java.net.http.HttpResponse;

import org.convoy.support.test.Http;
import org.convoy.support.test.ServiceIntegrationTest;
import org.convoy.support.test.TestTokens;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

/**
 * A service whose gateway is not up: it starts all the same (the keys are fetched on the first token, not at
 * start-up), keeps its public calls open, and answers organizer calls 503 with Retry-After instead of a 500.
 */
@ServiceIntegrationTest
@TestPropertySource(properties = { "convoy.security.jwks-uri=http://127.0.0.1:9/.well-known/jwks.json",
        "convoy.security.jwks-timeout=1s" })
class KeysUnreachableIT {

    @LocalServerPort
    int port;

    @Test
    void theServiceStartsAndServesPublicCallsWhileTheGatewayIsDown() {
        HttpResponse<String> parcel = Http.postJson(url("/parcels"), """
                {"name":"Sample","weight":3,"email":"ana@example.org","address":{"city":"Zapopan"}}""");

        assertThat(Http.get(url("/actuator/health/readiness")).statusCode()).isEqualTo(200);
        assertThat(parcel.statusCode()).isEqualTo(200);
    }

    @Test
    void anOrganizerCallIs503WithRetryAfterWhileTheKeysCannotBeRead() {
        HttpResponse<String> response = Http.get(url("/parcels/ledger"), TestTokens.organizer());

        assertProblem(response, 503, "Cannot check tokens now");
        assertThat(response.headers().firstValue("Retry-After")).contains("5");
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }
}
