package org.convoy.local;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A Zipkin collector's one endpoint, {@code POST /api/v2/spans} (Zipkin v2 JSON), in the test's JVM: the gateway and
 * the services report their spans to it as they would to a Zipkin server, and the test reads what they reported.
 */
final class SpanCollector implements AutoCloseable {

    /** One reported span: the service that reported it, its name (Zipkin lowercases names), its kind and tags. */
    record ReportedSpan(String traceId, String id, String parentId, String service, String name, String kind,
            Map<String, String> tags) {
    }

    private final JsonMapper json = JsonMapper.builder().build();
    private final List<ReportedSpan> spans = new ArrayList<>();
    private final HttpServer server;

    SpanCollector() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/api/v2/spans", this::receive);
        server.start();
    }

    /** Where to point {@code ZIPKIN_ENDPOINT}. */
    String endpoint() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/api/v2/spans";
    }

    synchronized List<ReportedSpan> trace(String traceId) {
        return spans.stream().filter(span -> span.traceId().equals(traceId)).toList();
    }

    synchronized List<ReportedSpan> all() {
        return List.copyOf(spans);
    }

    private void receive(HttpExchange exchange) throws IOException {
        try (exchange) {
            InputStream body = exchange.getRequestBody();
            if ("gzip".equalsIgnoreCase(exchange.getRequestHeaders().getFirst("Content-Encoding"))) {
                body = new GZIPInputStream(body);
            }
            List<ReportedSpan> received = new ArrayList<>();
            for (JsonNode span : json.readTree(body)) {
                Map<String, String> tags = new HashMap<>();
                span.path("tags").properties().forEach(tag -> tags.put(tag.getKey(), tag.getValue().asString()));
                received.add(new ReportedSpan(span.path("traceId").asString(), span.path("id").asString(),
                        span.path("parentId").asString(null), span.path("localEndpoint").path("serviceName").asString(),
                        span.path("name").asString(""), span.path("kind").asString(""), tags));
            }
            synchronized (this) {
                spans.addAll(received);
            }
            exchange.sendResponseHeaders(202, -1);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
