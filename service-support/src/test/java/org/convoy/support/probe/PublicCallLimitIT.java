package org.convoy.support.probe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.convoy.support.test.ProblemAssertions.assertProblem;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import org.convoy.support.test.Http;
import org.convoy.support.test.ServiceIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

/** A service limits each client's public calls itself, so calling it around the gateway does not lift the limit. */
@ServiceIntegrationTest
@TestPropertySource(properties = { "convoy.security.public-call-limit.paths=POST /parcels/limited",
        "convoy.security.public-call-limit.calls=3", "convoy.security.public-call-limit.period=1h" })
class PublicCallLimitIT {

    @LocalServerPort
    int port;

    @Test
    void aClientPastItsLimitGets429WithRetryAfterAndOtherClientsBehindTheGatewayStillPass() {
        for (int i = 0; i < 3; i++) {
            assertThat(call("198.51.100.7").statusCode()).isEqualTo(200);
        }

        HttpResponse<String> refused = call("198.51.100.7");

        assertProblem(refused, 429, "Too many requests");
        assertThat(refused.headers().firstValue("Retry-After")).hasValue("3600");
        assertThat(call("198.51.100.8").statusCode()).as("another client, through the same gateway").isEqualTo(200);
        assertThat(Http.postJson("http://localhost:" + port + "/parcels/refusals/unknown", "{}").statusCode())
                .as("calls that are not limited").isEqualTo(404);
    }

    private HttpResponse<String> call(String client) {
        return Http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/parcels/limited"))
                .header("Content-Type", "application/json").header("X-Forwarded-For", client)
                .POST(HttpRequest.BodyPublishers.ofString("{}")));
    }
}
