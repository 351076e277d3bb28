package org.convoy.local;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What a Zipkin server stored, read through its own HTTP API ({@code /api/v2/trace/{id}}, {@code /api/v2/traces}), as
 * someone looking for a journey's trace reads it.
 */
final class ZipkinApi {

    /** One stored span: the service that reported it, its name (in lower case, as Zipkin keeps it), its kind and tags. */
    record StoredSpan(String traceId, String id, String parentId, String service, String name, String kind,
            Map<String, String> tags) {
    }

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final JsonMapper json = JsonMapper.builder().build();
    private final String baseUrl;

    /** @param baseUrl Zipkin's address, e.g. {@code http://localhost:9411/} */
    ZipkinApi(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    /** The spans of one trace; none while Zipkin does not know it (404). */
    List<StoredSpan> trace(String traceId) throws IOException, InterruptedException {
        HttpResponse<String> response = get("api/v2/trace/" + traceId);
        if (response.statusCode() == 404) {
            return List.of();
        }
        return spans(json.readTree(body(response)));
    }

    /**
     * The ids of the traces that have a span with this tag, as the page's search by tag finds them
     * ({@code annotationQuery=key=value}) over the last day.
     */
    List<String> traceIdsTagged(String key, String value) throws IOException, InterruptedException {
        List<String> ids = new ArrayList<>();
        for (JsonNode trace : json.readTree(body(get("api/v2/traces?lookback=86400000&limit=100&annotationQuery="
                + URLEncoder.encode(key + "=" + value, StandardCharsets.UTF_8))))) {
            ids.add(trace.get(0).path("traceId").asString());
        }
        return ids;
    }

    /** Every span Zipkin holds of the last day, of every service. */
    List<StoredSpan> all() throws IOException, InterruptedException {
        List<StoredSpan> all = new ArrayList<>();
        for (JsonNode trace : json.readTree(body(get("api/v2/traces?lookback=86400000&limit=100000")))) {
            all.addAll(spans(trace));
        }
        return all;
    }

    private static List<StoredSpan> spans(JsonNode trace) {
        List<StoredSpan> spans = new ArrayList<>();
        for (JsonNode span : trace) {
            Map<String, String> tags = new HashMap<>();
            span.path("tags").properties().forEach(tag -> tags.put(tag.getKey(), tag.getValue().asString()));
            spans.add(new StoredSpan(span.path("traceId").asString(), span.path("id").asString(),
                    span.path("parentId").asString(null), span.path("localEndpoint").path("serviceName").asString(),
                    span.path("name").asString(""), span.path("kind").asString(""), tags));
        }
        return spans;
    }

    private HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(Duration.ofSeconds(10)).GET()
                .build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String body(HttpResponse<String> response) {
        if (response.statusCode() != 200) {
            throw new IllegalStateException("Zipkin answered " + response.statusCode() + " to " + response.uri() + ": "
                    + response.body());
        }
        return response.body();
    }
}
