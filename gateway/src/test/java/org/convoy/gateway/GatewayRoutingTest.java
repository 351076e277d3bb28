package org.convoy.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The gateway forwards each API path to the service configured for it, over real HTTP. */
@ContextConfiguration(initializers = TestMongo.class)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class GatewayRoutingTest {

    static final List<String> RECEIVED = new CopyOnWriteArrayList<>();
    static final HttpServer REGISTRATION = backend("registration");
    static final HttpServer SCHEDULING = backend("scheduling");
    static final HttpServer NOTIFICATION = backend("notification");

    @DynamicPropertySource
    static void backends(DynamicPropertyRegistry registry) {
        registry.add("REGISTRATION_SERVICE_URI", () -> uri(REGISTRATION));
        registry.add("SCHEDULING_SERVICE_URI", () -> uri(SCHEDULING));
        registry.add("NOTIFICATION_SERVICE_URI", () -> uri(NOTIFICATION));
    }

    @AfterAll
    static void stop() {
        REGISTRATION.stop(0);
        SCHEDULING.stop(0);
        NOTIFICATION.stop(0);
    }

    @LocalManagementPort
    int managementPort;

    @LocalServerPort
    int port;

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    @Test
    void registrationsGoToTheRegistrationServiceWithTheirBody() throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(url("/api/registrations"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"givenName\":\"María\"}")).build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("registration");
        assertThat(RECEIVED).contains("registration POST /api/registrations {\"givenName\":\"María\"}");
    }

    @Test
    void schedulingAndNotificationPathsGoToTheirServices() throws Exception {
        assertThat(get("/api/scheduling/delegates?convoyId=california-2023").body()).isEqualTo("scheduling");
        assertThat(get("/api/notifications?delegateId=x").body()).isEqualTo("notification");
        assertThat(RECEIVED).contains("scheduling GET /api/scheduling/delegates ");
    }

    @Test
    void unknownPathsAreNotForwarded() throws Exception {
        assertThat(get("/api/elsewhere").statusCode()).isEqualTo(404);
    }

    @Test
    void thePublicPortShowsHealthOnlyAndMetricsStayOnTheManagementPort() throws Exception {
        assertThat(get("/").body()).contains("<title>Convoy</title>");
        assertThat(get("/readyz").body()).contains("\"status\":\"UP\"");
        assertThat(get("/livez").statusCode()).isEqualTo(200);
        for (String internal : List.of("/actuator/prometheus", "/actuator/metrics", "/actuator/gateway/routes",
                "/actuator/health", "/actuator/env")) {
            assertThat(get(internal).statusCode()).as(internal).isEqualTo(404);
        }

        HttpResponse<String> scraped = http.send(HttpRequest.newBuilder(
                URI.create("http://localhost:" + managementPort + "/actuator/prometheus"))
                .timeout(Duration.ofSeconds(30)).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(scraped.body()).contains("jvm_memory_used_bytes");
    }

    /**
     * One kept-alive connection, request after request, each answered: the server must go on reading the connection
     * after every answer, whether it came at once or later (reactor/reactor-netty#4361 left about one request in
     * 400 unread until the client gave up).
     */
    @Test
    void aKeptAliveConnectionAnswersEveryRequestInTurn() throws Exception {
        List<String> paths = List.of("/", "/readyz", "/livez", "/actuator/metrics", "/api/elsewhere", "/css/app.css");
        for (int i = 0; i < 1_000; i++) {
            String path = paths.get(i % paths.size());
            HttpResponse<String> answer = http.send(HttpRequest.newBuilder(url(path)).timeout(Duration.ofSeconds(5))
                    .GET().build(), HttpResponse.BodyHandlers.ofString());
            assertThat(answer.statusCode()).as("request %d, %s", i, path).isIn(200, 404);
        }
    }

    @Test
    void servesTheWebUiPagesUnderTheContentPolicy() throws Exception {
        for (String path : List.of("/registration", "/console", "/preferences", "/host", "/checkin", "/survey",
                "/js/host.js", "/js/registration.js", "/js/checkin.js", "/js/survey.js", "/css/app.css")) {
            HttpResponse<String> page = get(path);
            assertThat(page.statusCode()).as(path).isEqualTo(200);
            assertThat(page.headers().firstValue("Content-Security-Policy")).as(path)
                    .hasValueSatisfying(policy -> assertThat(policy).startsWith("default-src 'self'"));
        }
        assertThat(get("/registration").body()).contains("<script type=\"module\" src=\"/js/registration.js\">");
        assertThat(get("/console").headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("text/html"));
        assertThat(get("/js/console.js").headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).contains("javascript"));
    }

    /** The report's charts come from the Chart.js WebJar, at the address its script names, under the same policy. */
    @Test
    void servesTheChartLibraryTheReportLoadsFromItsWebJar() throws Exception {
        String script = get("/js/report.js").body();
        Matcher library = Pattern.compile("'(/webjars/chart\\.js/[^']+\\.js)'")
                .matcher(script);
        assertThat(library.find()).as("report.js names the library").isTrue();

        HttpResponse<String> served = get(library.group(1));
        assertThat(served.statusCode()).as(library.group(1)).isEqualTo(200);
        assertThat(served.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).contains("javascript"));
        assertThat(served.headers().firstValue("Content-Security-Policy"))
                .hasValueSatisfying(policy -> assertThat(policy).startsWith("default-src 'self'"));
        assertThat(served.body()).contains("Chart.js v4");
    }

    private HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(url(path)).timeout(Duration.ofSeconds(30)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private URI url(String path) {
        return URI.create("http://localhost:" + port + path);
    }

    private static String uri(HttpServer server) {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    private static HttpServer backend(String name) {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            server.createContext("/", exchange -> {
                String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
                RECEIVED.add(name + " " + exchange.getRequestMethod() + " " + exchange.getRequestURI().getPath() + " " + body);
                byte[] answer = name.getBytes(StandardCharsets.UTF_8);
                exchange.sendResponseHeaders(200, answer.length);
                exchange.getResponseBody().write(answer);
                exchange.close();
            });
            server.start();
            return server;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
