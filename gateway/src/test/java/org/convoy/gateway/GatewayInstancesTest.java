package org.convoy.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Several instances of a service behind the one gateway, over real HTTP: calls are spread over them in turn, an
 * instance that stops being ready is left out within seconds and taken back when it is ready again, and one that
 * is gone leaves every call to the others.
 */
@ContextConfiguration(initializers = TestMongo.class)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "convoy.gateway.instance-check=500ms")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class GatewayInstancesTest {

    static final Instance FIRST = new Instance("first");
    static final Instance SECOND = new Instance("second");

    @DynamicPropertySource
    static void instances(DynamicPropertyRegistry registry) {
        registry.add("REGISTRATION_SERVICE_URI", () -> FIRST.uri() + ", " + SECOND.uri());
    }

    @AfterAll
    static void stop() {
        FIRST.server.stop(0);
        SECOND.server.stop(0);
    }

    @LocalServerPort
    int port;

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    @Test
    @Order(1)
    void callsAreSpreadOverTheInstancesInTurn() {
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(answers(10))
                .contains("first", "second").doesNotContain("503"));
    }

    @Test
    @Order(2)
    void anInstanceThatIsNotReadyIsLeftOutAndTakenBackWhenItIs() {
        FIRST.ready.set(false);
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(answers(10)).containsOnly("second"));

        FIRST.ready.set(true);
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(answers(10)).contains("first", "second"));
    }

    @Test
    @Order(3)
    void anInstanceThatIsGoneLeavesEveryCallToTheOthers() throws Exception {
        FIRST.server.stop(0);

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(answers(10)).containsOnly("second"));
        assertThat(post()).as("a registration too").isEqualTo("second");
    }

    private List<String> answers(int calls) throws IOException, InterruptedException {
        List<String> answers = new ArrayList<>();
        for (int i = 0; i < calls; i++) {
            HttpResponse<String> answer = http.send(HttpRequest.newBuilder(
                    URI.create("http://localhost:" + port + "/api/registrations/convoys"))
                    .timeout(Duration.ofSeconds(10)).GET().build(), HttpResponse.BodyHandlers.ofString());
            answers.add(answer.statusCode() == 200 ? answer.body() : String.valueOf(answer.statusCode()));
        }
        return answers;
    }

    private String post() throws IOException, InterruptedException {
        HttpResponse<String> answer = http.send(HttpRequest.newBuilder(
                URI.create("http://localhost:" + port + "/api/registrations")).header("Content-Type", "application/json")
                .timeout(Duration.ofSeconds(10)).POST(HttpRequest.BodyPublishers.ofString("{}")).build(),
                HttpResponse.BodyHandlers.ofString());
        return answer.statusCode() == 200 ? answer.body() : String.valueOf(answer.statusCode());
    }

    /** A registration-service instance that says who it is, and whether it is ready. */
    static final class Instance {

        final AtomicBoolean ready = new AtomicBoolean(true);
        final HttpServer server;

        Instance(String name) {
            try {
                server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
            server.createContext("/actuator/health/readiness", exchange -> {
                byte[] body = ("{\"status\":\"" + (ready.get() ? "UP" : "OUT_OF_SERVICE") + "\"}")
                        .getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().add("Content-Type", "application/json");
                exchange.sendResponseHeaders(ready.get() ? 200 : 503, body.length);
                exchange.getResponseBody().write(body);
                exchange.close();
            });
            server.createContext("/api/registrations", exchange -> {
                exchange.getRequestBody().readAllBytes();
                byte[] body = name.getBytes(StandardCharsets.UTF_8);
                exchange.sendResponseHeaders(200, body.length);
                exchange.getResponseBody().write(body);
                exchange.close();
            });
            server.start();
        }

        String uri() {
            return "http://127.0.0.1:" + server.getAddress().getPort();
        }
    }
}
