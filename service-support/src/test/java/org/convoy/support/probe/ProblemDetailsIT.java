package org.convoy.support.probe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.convoy.support.test.ProblemAssertions.assertProblem;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.concurrent.Flow;

import org.convoy.support.test.Http;
import org.convoy.support.test.ServiceIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import tools.jackson.databind.json.JsonMapper;

/** Every service answers bad input with a 4xx problem+json that names the fields, never a 500. */
@ServiceIntegrationTest
class ProblemDetailsIT {

    private static final String VALID = """
            {"name":"Sample","weight":3,"email":"ana@example.org","address":{"city":"Zapopan"}}""";

    @LocalServerPort
    int port;

    private final JsonMapper json = JsonMapper.builder().build();

    @Test
    void aRefusalOfTheProductIsAnsweredWithItsStatusTitleAndDetail() {
        HttpResponse<String> unknown = Http.postJson(url("/parcels/refusals/unknown"), "{}");
        assertProblem(unknown, 404, "No such parcel");
        assertThat(json.readTree(unknown.body()).path("detail").asString()).isEqualTo("There is no parcel 42.");

        HttpResponse<String> conflict = Http.postJson(url("/parcels/refusals/conflict"), "{}");
        assertProblem(conflict, 409, "Already shipped");
        assertThat(json.readTree(conflict.body()).path("shippedOn").asString()).isEqualTo("2023-02-27");
    }

    @Test
    void aRefusedFieldIsListedLikeAValidationError() {
        HttpResponse<String> response = Http.postJson(url("/parcels/refusals/field"), "{}");

        assertProblem(response, 400, "Invalid request");
        assertThat(json.readTree(response.body()).path("errors").get(0).path("field").asString()).isEqualTo("weight");
        assertThat(json.readTree(response.body()).path("errors").get(0).path("message").asString())
                .isEqualTo("must not exceed the van's load");
    }

    @Test
    void aBusyServiceSaysWhenToComeBack() {
        HttpResponse<String> response = Http.postJson(url("/parcels/refusals/busy"), "{}");

        assertProblem(response, 503, "Busy");
        assertThat(response.headers().firstValue("Retry-After")).hasValue("1");
    }

    @Test
    void aStoreOrBrokerThatIsAwayIs503WithRetryAfterNamingIt() {
        HttpResponse<String> store = Http.postJson(url("/parcels/refusals/store-away"), "{}");
        HttpResponse<String> broker = Http.postJson(url("/parcels/refusals/broker-away"), "{}");

        assertProblem(store, 503, "Service unavailable");
        assertThat(store.headers().firstValue("Retry-After")).hasValue("5");
        assertThat(json.readTree(store.body()).path("detail").asString()).contains("cannot reach its database");
        assertThat(json.readTree(store.body()).path("dependency").asString()).isEqualTo("store");
        assertProblem(broker, 503, "Service unavailable");
        assertThat(broker.headers().firstValue("Retry-After")).hasValue("5");
        assertThat(json.readTree(broker.body()).path("detail").asString()).contains("cannot reach its message broker");
        assertThat(json.readTree(broker.body()).path("dependency").asString()).isEqualTo("broker");
        assertThat(store.body() + broker.body()).doesNotContain("Timed out", "metadata", "incident");
    }

    @Test
    void acceptsAValidBody() {
        assertThat(post(VALID).statusCode()).isEqualTo(200);
    }

    @Test
    void malformedJsonIs400WithoutInternals() {
        HttpResponse<String> response = post("{\"name\": \"Sample\", ");

        assertProblem(response, 400, "Malformed JSON");
        assertThat(response.body()).doesNotContainIgnoringCase("jackson").doesNotContain("Exception");
    }

    @Test
    void unknownFieldIsNamed() {
        HttpResponse<String> response = post(VALID.replace("\"weight\":3", "\"weight\":3,\"status\":\"APPROVED\""));

        assertProblem(response, 400, "Unknown field");
        assertThat(fields(response)).containsExactly("status");
    }

    @Test
    void unknownNestedFieldIsNamedWithItsPath() {
        HttpResponse<String> response = post(VALID.replace("\"city\":\"Zapopan\"", "\"city\":\"Zapopan\",\"$where\":\"1\""));

        assertProblem(response, 400, "Unknown field");
        assertThat(fields(response)).containsExactly("address.$where");
    }

    @Test
    void wrongTypeIsNamed() {
        HttpResponse<String> response = post(VALID.replace("\"weight\":3", "\"weight\":\"heavy\""));

        assertProblem(response, 400, "Wrong type");
        assertThat(fields(response)).containsExactly("weight");
    }

    @Test
    void missingAndInvalidFieldsAreAllListed() {
        HttpResponse<String> response = post("""
                {"weight":0,"email":"not-an-email","address":{"city":""}}""");

        assertProblem(response, 400, "Invalid request");
        assertThat(fields(response)).containsExactly("address.city", "email", "name", "weight");
    }

    @Test
    void bodyOverTheLimitIs413() {
        String big = VALID.replace("Sample", "x".repeat(3000));

        assertProblem(post(big), 413, "Request body too large");
    }

    @Test
    void chunkedBodyOverTheLimitIs413() {
        String big = VALID.replace("Sample", "x".repeat(3000));
        HttpRequest.BodyPublisher unknownLength = new HttpRequest.BodyPublisher() {
            private final HttpRequest.BodyPublisher delegate = HttpRequest.BodyPublishers.ofString(big);

            @Override
            public long contentLength() {
                return -1;
            }

            @Override
            public void subscribe(Flow.Subscriber<? super java.nio.ByteBuffer> subscriber) {
                delegate.subscribe(subscriber);
            }
        };

        HttpResponse<String> response = Http.send(HttpRequest.newBuilder(URI.create(url()))
                .header("Content-Type", "application/json").POST(unknownLength));

        assertProblem(response, 413, "Request body too large");
    }

    private HttpResponse<String> post(String body) {
        return Http.postJson(url(), body);
    }

    private String url() {
        return url("/parcels");
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }

    private List<String> fields(HttpResponse<String> response) {
        return json.readTree(response.body()).path("errors").valueStream()
                .map(error -> error.path("field").asString()).toList();
    }
}
