package org.convoy.support.probe;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;

import org.convoy.support.test.Http;
import org.convoy.support.test.ServiceIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Every service reports liveness, readiness (with MongoDB and Kafka) and Prometheus metrics. */
@ServiceIntegrationTest
class ActuatorIT {

    @LocalServerPort
    int port;

    @Test
    void readinessIncludesMongoAndKafkaAndIsUp() {
        HttpResponse<String> response = Http.get(url("/actuator/health/readiness"));

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode components = JsonMapper.builder().build().readTree(response.body()).path("components");
        assertThat(components.path("mongo").path("status").asString()).isEqualTo("UP");
        assertThat(components.path("binders").path("status").asString()).isEqualTo("UP");
    }

    @Test
    void livenessIsUp() {
        assertThat(Http.get(url("/actuator/health/liveness")).statusCode()).isEqualTo(200);
    }

    @Test
    void theProbesAreAlsoAtLivezAndReadyzWithoutAToken() {
        HttpResponse<String> ready = Http.get(url("/readyz"));
        HttpResponse<String> live = Http.get(url("/livez"));

        assertThat(ready.statusCode()).as(ready.body()).isEqualTo(200);
        assertThat(JsonMapper.builder().build().readTree(ready.body()).path("components").path("mongo").path("status")
                .asString()).isEqualTo("UP");
        assertThat(live.statusCode()).as(live.body()).isEqualTo(200);
        assertThat(live.body()).contains("\"status\":\"UP\"");
    }

    @Test
    void prometheusEndpointServesMetricsTaggedWithTheApplication() {
        HttpResponse<String> response = Http.get(url("/actuator/prometheus"));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("jvm_memory_used_bytes", "application=\"probe\"");
    }

    @Test
    void keepsTheCorrelationIdOfTheRequestAndMakesOneWhenThereIsNone() {
        HttpResponse<String> given = Http.send(java.net.http.HttpRequest.newBuilder(
                java.net.URI.create(url("/actuator/health/liveness"))).header("X-Correlation-Id", "trace-42").GET());
        HttpResponse<String> none = Http.get(url("/actuator/health/liveness"));

        assertThat(given.headers().firstValue("X-Correlation-Id")).contains("trace-42");
        assertThat(none.headers().firstValue("X-Correlation-Id")).hasValueSatisfying(id -> assertThat(id).hasSize(36));
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }
}
