package org.convoy.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.FileOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.model.Filters;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.convoy.support.test.Containers;
import org.convoy.support.test.InfrastructureMode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.mongodb.MongoDBContainer;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The walking skeleton end to end, exactly as the local platform runs it: the four built service jars as their
 * own processes, a real SMTP server in this JVM, and Kafka and MongoDB in containers where Docker is available,
 * otherwise a real KRaft broker and the MongoDB-wire store in this JVM, and Zipkin's server as the launcher starts it
 * with {@code --zipkin}. A registration
 * sent to the gateway must reach registration-service, MongoDB, Kafka, notification-service (a real email) and
 * scheduling-service (its read model), which an organizer reads after logging in through the gateway. Breaking any
 * hop fails this test.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class WalkingSkeletonIT {

    @TempDir
    static Path dataDir;

    private static Platform platform;
    private static MongoDBContainer mongoContainer;
    private static KafkaContainer kafkaContainer;
    private static PrintStream log;
    private static ZipkinApi zipkin;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final JsonMapper json = JsonMapper.builder().build();
    private ConvoyCopy convoy;

    @BeforeAll
    static void startPlatform() throws IOException {
        Path home = Path.of("").toAbsolutePath().getParent();
        List<String> args = new ArrayList<>(List.of("--home=" + home, "--data-dir=" + dataDir));
        if (InfrastructureMode.current() == InfrastructureMode.CONTAINERS) {
            mongoContainer = Containers.mongo();
            kafkaContainer = Containers.kafka();
            mongoContainer.start();
            kafkaContainer.start();
            args.add("--kafka-bootstrap-servers=" + kafkaContainer.getBootstrapServers());
            args.add("--mongo-uri=" + mongoContainer.getReplicaSetUrl("{database}"));
        }
        // The real Zipkin server, which failsafe's run of this module fetches (see local-platform/pom.xml).
        String zipkinJar = System.getProperty("convoy.zipkin-jar");
        assertThat(zipkinJar).as("system property convoy.zipkin-jar (run through ./mvnw verify)").isNotNull();
        args.add("--zipkin-jar=" + zipkinJar);
        for (String name : List.of(PlatformConfig.GATEWAY, PlatformConfig.REGISTRATION, PlatformConfig.SCHEDULING,
                PlatformConfig.NOTIFICATION, PlatformConfig.KAFKA, PlatformConfig.KAFKA_CONTROLLER, PlatformConfig.MONGO,
                PlatformConfig.SMTP, PlatformConfig.MAIL_PAGE, PlatformConfig.GATEWAY_MANAGEMENT, PlatformConfig.ZIPKIN)) {
            args.add("--" + PlatformConfig.portKey(name) + "=" + Ports.anyFree());
        }
        Path logFile = Path.of("target", "walking-skeleton-platform.log");
        Files.createDirectories(logFile.getParent());
        log = new PrintStream(new FileOutputStream(logFile.toFile()), true, StandardCharsets.UTF_8);
        // Texts that can wait are held back at night in the delegate's zone; these journeys run at any hour.
        platform = new Platform(PlatformConfig.from(args.toArray(String[]::new), Map.of()), new Console(log, false),
                Map.of("CONVOY_NOTIFICATION_QUIETHOURS_ENABLED", "false"));
        platform.start(Duration.ofMinutes(4));
        zipkin = new ZipkinApi(platform.zipkin().orElseThrow().url());
    }

    @AfterAll
    static void stopPlatform() {
        if (platform != null) {
            platform.close();
        }
        if (kafkaContainer != null) {
            kafkaContainer.stop();
            mongoContainer.stop();
        }
        log.close();
    }

    @Test
    @Order(1)
    void registrationThroughTheGatewayReachesEmailAndTheSchedulingReadModel() throws Exception {
        String email = "lucia." + UUID.randomUUID().toString().substring(0, 8) + "@tlaquepaque.gob.mx";

        HttpResponse<String> response = post("api/registrations", registration(email));

        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        String id = json.readTree(response.body()).path("id").asString();

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(platform.mail().messages())
                .anySatisfy(mail -> {
                    assertThat(mail.get("to")).isEqualTo(email);
                    assertThat(mail.get("subject")).isEqualTo("Convoy: recibimos tu registro, Lucía");
                    assertThat(mail.get("text")).contains("Hola Lucía Gómez Treviño", "/registration#code=");
                }));
        String token = organizerToken();
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            HttpResponse<String> delegate = get("api/scheduling/delegates/" + id, token);
            assertThat(delegate.statusCode()).isEqualTo(200);
            JsonNode body = json.readTree(delegate.body());
            assertThat(body.path("givenName").asString()).isEqualTo("Lucía");
            assertThat(body.path("organization").asString()).isEqualTo("Gobierno de San Pedro Tlaquepaque");
            assertThat(body.path("status").asString()).isEqualTo("SUBMITTED");
        });
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(
                get("api/notifications?delegateId=" + id, token).body()).contains("\"status\":\"SENT\""));

        followThePreferencesLinksOfTheWelcomeEmail(email);
    }

    /**
     * A registration is one trace from the gateway to the email, as Zipkin's server (started by the launcher, which
     * gave every process its address) shows it: the gateway continues the caller's traceparent, registration-service
     * records the event with it in the outbox, the relay publishes it in that trace, and notification-service's
     * consumer (the binder's span, and the handler's span tagged with the event) and its email send join it. Searching
     * Zipkin by the delegate's id finds that trace. No span names the delegate's email address.
     */
    @Test
    @Order(3)
    void aRegistrationIsOneTraceFromTheGatewayToTheEmail() throws Exception {
        String email = "ana." + UUID.randomUUID().toString().substring(0, 8) + "@tlaquepaque.gob.mx";
        String traceId = UUID.randomUUID().toString().replace("-", "");
        String traceparent = "00-" + traceId + "-" + traceId.substring(0, 16) + "-01";

        HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(platform.gatewayUrl() + "api/registrations"))
                .header("Content-Type", "application/json").header("traceparent", traceparent)
                .POST(HttpRequest.BodyPublishers.ofString(registration(email).replace("Lucía", "Ana"))));

        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        String id = json.readTree(response.body()).path("id").asString();
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            List<ZipkinApi.StoredSpan> trace = zipkin.trace(traceId);
            assertThat(trace).as("spans of trace %s", traceId)
                    .anySatisfy(span -> assertThat(span.service()).isEqualTo("gateway"))
                    .anySatisfy(span -> {
                        assertThat(span.service()).isEqualTo("registration-service");
                        assertThat(span.kind()).isEqualTo("SERVER");
                    })
                    .anySatisfy(span -> {
                        assertThat(span.service()).isEqualTo("registration-service");
                        // Zipkin keeps span names in lower case, as its page shows them.
                        assertThat(span.name()).isEqualTo("publish delegateregistered");
                        assertThat(span.tags()).containsEntry("delegate.id", id)
                                .containsEntry("event.type", "DelegateRegistered");
                    })
                    .anySatisfy(span -> {
                        assertThat(span.service()).isEqualTo("notification-service");
                        assertThat(span.kind()).isEqualTo("CONSUMER");
                        assertThat(span.tags()).containsEntry("messaging.source.name", "convoy.delegates");
                    })
                    .anySatisfy(span -> {
                        assertThat(span.service()).isEqualTo("notification-service");
                        assertThat(span.tags()).containsEntry("event.type", "DelegateRegistered")
                                .containsEntry("delegate.id", id);
                    })
                    .anySatisfy(span -> {
                        assertThat(span.service()).isEqualTo("notification-service");
                        assertThat(span.name()).isEqualTo("notice send");
                        assertThat(span.tags()).containsEntry("channel", "email").containsEntry("delegate.id", id)
                                .containsKeys("notice.id", "kind");
                    });
            assertOneProducerSpanPerPublish(trace);
        });
        assertThat(zipkin.traceIdsTagged("delegate.id", id)).contains(traceId);
        assertThat(zipkin.all()).isNotEmpty().allSatisfy(span -> assertThat(span.tags().values())
                .noneMatch(value -> value.contains(email)));
    }

    /**
     * Each {@code publish <event>} span has one child, the Kafka producer's send, which the consumers continue: no
     * second producer span from the messaging layer's own observations.
     */
    private static void assertOneProducerSpanPerPublish(List<? extends ZipkinApi.StoredSpan> trace) {
        assertThat(trace).filteredOn(span -> span.name().startsWith("publish ")).isNotEmpty().allSatisfy(publish ->
                assertThat(trace).filteredOn(span -> publish.id().equals(span.parentId())).as("under %s", publish.name())
                        .singleElement().satisfies(send -> assertThat(send.kind()).isEqualTo("PRODUCER")));
    }

    /** The links at the foot of a real email open, through the real gateway, as a delegate's mail program opens them. */
    private void followThePreferencesLinksOfTheWelcomeEmail(String email) throws Exception {
        Map<String, String> welcome = platform.mail().messages().stream().filter(mail -> email.equals(mail.get("to")))
                .findFirst().orElseThrow();
        Matcher page = Pattern.compile("(https?://\\S+?)/preferences#token=(p1\\.[\\w.-]+)")
                .matcher(welcome.get("text"));
        assertThat(page.find()).as("a preferences link in: %s", welcome.get("text")).isTrue();
        assertThat(page.group(1) + "/").as("links start at the public address, with one slash")
                .isEqualTo(platform.gatewayUrl());
        String token = page.group(2);
        HttpResponse<String> preferencesPage = send(HttpRequest.newBuilder(URI.create(page.group(1) + "/preferences")).GET());
        assertThat(preferencesPage.statusCode()).isEqualTo(200);
        assertThat(preferencesPage.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("text/html"));
        assertThat(get("api/notifications/preferences/" + token).body()).contains("\"optOuts\":[]");

        String unsubscribe = welcome.get("listUnsubscribe").replaceAll("^<|>$", "");
        assertThat(unsubscribe).isEqualTo(platform.gatewayUrl() + "api/notifications/preferences/" + token + "/unsubscribe");
        HttpResponse<String> unsubscribed = send(HttpRequest.newBuilder(URI.create(unsubscribe))
                .POST(HttpRequest.BodyPublishers.noBody()));
        assertThat(unsubscribed.statusCode()).as(unsubscribed.body()).isEqualTo(200);
        assertThat(unsubscribed.body()).contains("\"optOuts\":[\"EMAIL\"]");
    }

    /**
     * Journeys 2 and 3 across every service: an organizer approves a delegate, plans and confirms a meeting with a
     * host; the attendee gets the email with a calendar invitation, and reads the meeting in their own agenda with
     * the personal link from their welcome email.
     */
    @Test
    @Order(2)
    void aConfirmedMeetingReachesTheAttendeeWithAnInvitationAndTheirOwnAgenda() throws Exception {
        String email = "ramon." + UUID.randomUUID().toString().substring(0, 8) + "@tlaquepaque.gob.mx";
        HttpResponse<String> registered = post("api/registrations", registration(email).replace("Lucía", "Ramón"));
        assertThat(registered.statusCode()).as(registered.body()).isEqualTo(201);
        String id = json.readTree(registered.body()).path("id").asString();
        String token = organizerToken();
        String code = await().atMost(Duration.ofSeconds(60)).until(() -> platform.mail().messages().stream()
                .filter(mail -> email.equals(mail.get("to"))).map(mail -> mail.get("text"))
                .map(Pattern.compile("/registration#code=([\\w-]+)")::matcher)
                .filter(Matcher::find).map(matcher -> matcher.group(1)).findFirst(),
                java.util.Optional::isPresent)
                .orElseThrow();
        // The page exchanges the link's one-time code for the delegate's session, as her browser would.
        HttpResponse<String> opened = post("api/registrations/sessions", "{\"code\": \"" + code + "\"}");
        assertThat(opened.statusCode()).as(opened.body()).isEqualTo(201);
        String session = json.readTree(opened.body()).path("token").asString();

        HttpResponse<String> approved = post("api/registrations/approvals", "{\"delegateIds\": [\"" + id + "\"]}", token);
        assertThat(approved.statusCode()).as(approved.body()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(60)).until(() -> json.readTree(get("api/scheduling/delegates/" + id, token)
                .body()).path("status").asString().equals("APPROVED"));
        String convoyId = convoy().id();
        String startsAt = convoy().at("2023-02-28T10:00");
        HttpResponse<String> draft = post("api/scheduling/convoys/" + convoyId + "/meetings", """
                {"hostId": "disney", "startsAt": "%s", "endsAt": "%s",
                 "axis": "CREATIVE_INDUSTRIES", "sector": "CINEMATOGRAPHY", "attendeeIds": ["%s"]}"""
                .formatted(startsAt, convoy().at("2023-02-28T11:00"), id), token);
        assertThat(draft.statusCode()).as(draft.body()).isEqualTo(201);
        String meetingId = json.readTree(draft.body()).path("id").asString();
        String traceId = UUID.randomUUID().toString().replace("-", "");
        HttpResponse<String> confirmed = send(HttpRequest.newBuilder(URI.create(platform.gatewayUrl()
                + "api/scheduling/convoys/" + convoyId + "/meetings/" + meetingId + "/confirmation"))
                .header("Authorization", "Bearer " + token)
                .header("traceparent", "00-" + traceId + "-" + traceId.substring(16) + "-01")
                .POST(HttpRequest.BodyPublishers.noBody()));
        assertThat(confirmed.statusCode()).as(confirmed.body()).isEqualTo(200);

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(platform.mail().messages())
                .anySatisfy(mail -> {
                    assertThat(mail.get("to")).isEqualTo(email);
                    assertThat(mail.get("subject")).startsWith("Convoy: reunión con The Walt Disney Company");
                    assertThat(mail.get("text")).contains("de 10:00 a 11:00, hora del Pacífico (America/Los_Angeles)",
                            "Convoy de prueba " + convoyId);
                    assertThat(mail.get("attachments")).isEqualTo("checkin-qr.png, invite.ics");
                }));
        // The confirmation is one trace from the organizer's call to the attendee's invitation.
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(zipkin.trace(traceId))
                .as("spans of trace %s", traceId)
                .anySatisfy(span -> assertThat(span.service()).isEqualTo("gateway"))
                .anySatisfy(span -> {
                    assertThat(span.service()).isEqualTo("scheduling-service");
                    assertThat(span.kind()).isEqualTo("SERVER");
                })
                .anySatisfy(span -> {
                    assertThat(span.service()).isEqualTo("scheduling-service");
                    assertThat(span.name()).isEqualTo("publish meetingconfirmed");
                    assertThat(span.tags()).containsEntry("meeting.id", meetingId);
                })
                .anySatisfy(span -> {
                    assertThat(span.service()).isEqualTo("notification-service");
                    assertThat(span.kind()).isEqualTo("CONSUMER");
                    assertThat(span.tags()).containsEntry("messaging.source.name", "convoy.meetings");
                })
                .anySatisfy(span -> {
                    assertThat(span.service()).isEqualTo("notification-service");
                    assertThat(span.name()).isEqualTo("notice send");
                    assertThat(span.tags()).containsEntry("channel", "email").containsEntry("meeting.id", meetingId)
                            .containsEntry("delegate.id", id).containsEntry("kind", "meeting-confirmed");
                })
                .satisfies(WalkingSkeletonIT::assertOneProducerSpanPerPublish));
        HttpResponse<String> agenda = send(HttpRequest.newBuilder(URI.create(platform.gatewayUrl()
                + "api/scheduling/convoys/" + convoyId + "/delegates/" + id + "/agenda"))
                .header("X-Registration-Token", session).GET());
        assertThat(agenda.statusCode()).as(agenda.body()).isEqualTo(200);
        assertThat(agenda.body()).contains(meetingId, "\"startsAt\":\"" + startsAt + "\"");
    }

    /**
     * Two convoys side by side on one platform: delegates, places, meetings, notices and an organizer limited to one
     * convoy stay within their convoy.
     */
    @Test
    @Order(2)
    void twoConvoysSideBySideShareNothing() throws Exception {
        String admin = organizerToken();
        String a = convoy().id();
        String b = ConvoyCopy.openCopyOfCalifornia(platform.gatewayUrl(), admin, "walking-skeleton-b",
                "{\"STATE_REPRESENTATIVE\": 1}").id();
        String inA = registered(a, "ana.a");
        String inB = registered(b, "berta.b");
        String waitingInB = registered(b, "bruno.b");

        // Places: B's one place is taken and its next delegate waits; A's places are A's own.
        assertThat(status(inB, admin)).isEqualTo("SUBMITTED");
        assertThat(status(waitingInB, admin)).isEqualTo("WAITLISTED");
        assertThat(status(inA, admin)).isEqualTo("SUBMITTED");
        // Delegates: each convoy's list has its own.
        assertThat(get("api/registrations?convoyId=" + a + "&size=500", admin).body()).contains(inA)
                .doesNotContain(inB, waitingInB);
        assertThat(get("api/registrations?convoyId=" + b, admin).body()).contains(inB, waitingInB).doesNotContain(inA);

        // Meetings: a meeting of A cannot take B's delegate, and B's agenda stays empty.
        post("api/registrations/approvals", "{\"delegateIds\": [\"" + inA + "\", \"" + inB + "\"]}", admin);
        for (String approved : List.of(inA, inB)) {
            await().atMost(Duration.ofSeconds(60)).until(() -> json.readTree(get("api/scheduling/delegates/" + approved,
                    admin).body()).path("status").asString().equals("APPROVED"));
        }
        String meeting = """
                {"hostId": "paramount", "startsAt": "%s", "endsAt": "%s",
                 "axis": "CREATIVE_INDUSTRIES", "sector": "CINEMATOGRAPHY", "attendeeIds": [%s]}""";
        String from = convoy().at("2023-02-27T14:00");
        String to = convoy().at("2023-02-27T15:00");
        HttpResponse<String> mixed = post("api/scheduling/convoys/" + a + "/meetings",
                meeting.formatted(from, to, "\"" + inA + "\", \"" + inB + "\""), admin);
        assertThat(mixed.statusCode()).as(mixed.body()).isEqualTo(400);
        assertThat(mixed.body()).contains(inB);
        HttpResponse<String> drafted = post("api/scheduling/convoys/" + a + "/meetings",
                meeting.formatted(from, to, "\"" + inA + "\""), admin);
        assertThat(drafted.statusCode()).as(drafted.body()).isEqualTo(201);
        String meetingId = json.readTree(drafted.body()).path("id").asString();
        assertThat(post("api/scheduling/convoys/" + a + "/meetings/" + meetingId + "/confirmation", "", admin)
                .statusCode()).isEqualTo(200);
        assertThat(get("api/scheduling/convoys/" + b + "/meetings", admin).body()).isEqualTo("[]");
        assertThat(get("api/scheduling/convoys/" + b + "/meetings/" + meetingId, admin).statusCode()).isEqualTo(404);

        // Notices: the invitation goes to A's delegate, named for A; B's delegates hear nothing of it.
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(platform.mail().messages())
                .anySatisfy(mail -> {
                    assertThat(mail.get("to")).startsWith("ana.a.");
                    assertThat(mail.get("subject")).startsWith("Convoy: reunión con Paramount");
                    assertThat(mail.get("text")).contains("Convoy de prueba " + a);
                }));
        assertThat(platform.mail().messages()).filteredOn(mail -> mail.get("to").startsWith("berta.b.")
                || mail.get("to").startsWith("bruno.b.")).extracting(mail -> mail.get("subject"))
                .noneMatch(subject -> subject.contains("Paramount"));
        assertThat(get("api/notifications?meetingId=" + meetingId, admin).body()).contains(inA)
                .doesNotContain(inB, waitingInB);

        // An organizer of A alone: B does not exist for her.
        String scopedName = "ines." + UUID.randomUUID().toString().substring(0, 8);
        assertThat(post("api/auth/users", "{\"username\": \"" + scopedName
                + "\", \"password\": \"organizer-of-a-only\"}", admin).statusCode()).isEqualTo(201);
        assertThat(send(HttpRequest.newBuilder(URI.create(platform.gatewayUrl() + "api/auth/users/" + scopedName))
                .header("Authorization", "Bearer " + admin).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString("{\"convoys\": [\"" + a + "\"]}"))).statusCode())
                .isEqualTo(200);
        HttpResponse<String> login = post("api/auth/login", "{\"username\": \"" + scopedName
                + "\", \"password\": \"organizer-of-a-only\"}");
        String scoped = json.readTree(login.body()).path("accessToken").asString();
        assertThat(get("api/registrations?convoyId=" + a, scoped).statusCode()).isEqualTo(200);
        assertThat(get("api/registrations?convoyId=" + b, scoped).statusCode()).isEqualTo(404);
        assertThat(get("api/registrations/" + inB, scoped).statusCode()).isEqualTo(404);
        assertThat(get("api/registrations/export.csv?convoyId=" + b, scoped).statusCode()).isEqualTo(404);
        assertThat(get("api/scheduling/convoys/" + b + "/hosts", scoped).statusCode()).isEqualTo(404);
        assertThat(get("api/scheduling/delegates/" + inB, scoped).statusCode()).isEqualTo(404);
        assertThat(get("api/scheduling/convoys", scoped).body()).contains("\"id\":\"" + a + "\"")
                .doesNotContain("\"id\":\"" + b + "\"", "\"id\":\"california-2023\"");
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(get("api/notifications?limit=1000",
                scoped).body()).contains(inA).doesNotContain(inB, waitingInB));
        assertThat(get("api/notifications?delegateId=" + inB, scoped).body()).isEqualTo("[]");
        assertThat(get("api/notifications/dead-letters", scoped).statusCode()).isEqualTo(403);
        String another = """
                {"id": "texas-by-ines", "names": {"es": "Texas", "en": "Texas"}, "startsOn": "2030-06-03",
                 "endsOn": "2030-06-03", "cities": [{"id": "HOUSTON", "name": "Houston", "zone": "America/Chicago"}],
                 "days": [{"date": "2030-06-03", "cities": ["HOUSTON"]}],
                 "travel": {"withinCityMinutes": 30, "betweenCitiesMinutes": 240},
                 "places": {"total": 10, "byRole": {"MAYOR": 10}},
                 "registration": {"opensAt": "2030-01-01T00:00:00-06:00", "closesAt": "2030-05-01T00:00:00-05:00"},
                 "retainUntil": "2031-06-03"}""";
        assertThat(post("api/scheduling/convoys", another, scoped).statusCode()).as("she creates no convoy")
                .isEqualTo(403);
        HttpResponse<String> approval = post("api/registrations/approvals",
                "{\"delegateIds\": [\"" + waitingInB + "\"]}", scoped);
        assertThat(approval.body()).contains("NOT_FOUND");
        assertThat(status(waitingInB, admin)).isEqualTo("WAITLISTED");
    }

    /** Registers a state representative for a convoy and returns her id. */
    private String registered(String convoyId, String name) throws Exception {
        String email = name + "." + UUID.randomUUID().toString().substring(0, 8) + "@example.mx";
        HttpResponse<String> response = post("api/registrations", registration(email)
                .replace("\"convoyId\": \"" + convoy().id() + "\"", "\"convoyId\": \"" + convoyId + "\""));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        return json.readTree(response.body()).path("id").asString();
    }

    private String status(String delegateId, String token) throws Exception {
        HttpResponse<String> delegate = get("api/registrations/" + delegateId, token);
        assertThat(delegate.statusCode()).as(delegate.body()).isEqualTo(200);
        return json.readTree(delegate.body()).path("status").asString();
    }

    @Test
    @Order(2)
    void organizerCallsNeedALoginAndEachServiceChecksTheTokenItself() throws Exception {
        String token = organizerToken();
        String direct = platform.services().stream()
                .filter(service -> service.name().equals(PlatformConfig.SCHEDULING)).findFirst().orElseThrow()
                .url() + "api/scheduling/delegates?convoyId=california-2023";

        HttpResponse<String> withoutToken = get("api/scheduling/delegates?convoyId=california-2023", null);
        HttpResponse<String> withToken = get("api/registrations?convoyId=california-2023", token);
        HttpResponse<String> aroundTheGateway = send(HttpRequest.newBuilder(URI.create(direct)).GET());
        HttpResponse<String> aroundTheGatewayWithToken = send(HttpRequest.newBuilder(URI.create(direct))
                .header("Authorization", "Bearer " + token).GET());
        HttpResponse<String> logout = send(HttpRequest.newBuilder(URI.create(platform.gatewayUrl() + "api/auth/logout"))
                .header("Authorization", "Bearer " + token).POST(HttpRequest.BodyPublishers.noBody()));
        HttpResponse<String> afterLogout = get("api/registrations?convoyId=california-2023", token);

        assertThat(withoutToken.statusCode()).isEqualTo(401);
        assertThat(withToken.statusCode()).as(withToken.body()).isEqualTo(200);
        assertThat(aroundTheGateway.statusCode()).isEqualTo(401);
        assertThat(aroundTheGatewayWithToken.statusCode()).isEqualTo(200);
        assertThat(logout.statusCode()).isEqualTo(204);
        assertThat(afterLogout.statusCode()).isEqualTo(401);

        // The logout reaches every service on the session stream: the token is refused around the gateway too.
        Map<String, String> organizerCalls = Map.of(PlatformConfig.REGISTRATION, "api/registrations?convoyId=california-2023",
                PlatformConfig.SCHEDULING, "api/scheduling/delegates?convoyId=california-2023",
                PlatformConfig.NOTIFICATION, "api/notifications?limit=1");
        for (ServiceProcess service : platform.services()) {
            String call = organizerCalls.get(service.name());
            if (call == null) {
                continue;
            }
            await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(send(HttpRequest.newBuilder(
                    URI.create(service.url() + call)).header("Authorization", "Bearer " + token).GET()).statusCode())
                    .as(service.name() + " after the logout").isEqualTo(401));
        }
    }

    @Test
    @Order(2)
    void registrationDescribesItsApiThroughTheGateway() throws Exception {
        HttpResponse<String> response = get("api/registrations/openapi.json");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(json.readTree(response.body()).path("paths").has("/api/registrations")).isTrue();
    }

    @Test
    @Order(2)
    void badInputThroughTheGatewayIs400NamingTheFieldAndStoresNothing() throws Exception {
        String email = "nadie." + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
        String body = registration(email).replace("\"privacyConsent\": true", "\"privacyConsent\": true, \"status\": \"APPROVED\"");

        HttpResponse<String> response = post("api/registrations", body);

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(json.readTree(response.body()).path("errors").get(0).path("field").asString()).isEqualTo("status");
        try (MongoClient client = MongoClients.create(platform.mongoUri("convoy-registration"))) {
            assertThat(client.getDatabase("convoy-registration").getCollection("registrations")
                    .countDocuments(Filters.eq("members.profile.email", email))).isZero();
        }
    }

    /**
     * Journey 5's end: an administrator erases a delegate, and no store of any service keeps her name, email or
     * mobile number, not even the texts the local SMS adapter kept or the delivery log.
     */
    @Test
    @Order(2)
    void anErasedDelegatesNameEmailAndNumberAreInNoStoreOfAnyService() throws Exception {
        String unique = UUID.randomUUID().toString().substring(0, 8);
        String givenName = "Zenaida" + unique;
        String familyName = "Quintanilla" + unique;
        String email = "zenaida." + unique + "@tonala.gob.mx";
        String digits = String.valueOf(Math.abs((long) unique.hashCode()) % 100_000_000L + 100_000_000L).substring(1);
        String phone = "+5233" + digits;
        HttpResponse<String> registered = post("api/registrations", registration(email)
                .replace("Lucía", givenName).replace("Gómez Treviño", familyName)
                .replace("\"channels\": [\"EMAIL\"]", "\"channels\": [\"EMAIL\", \"SMS\"], \"phone\": \"" + phone + "\""));
        assertThat(registered.statusCode()).as(registered.body()).isEqualTo(201);
        String id = json.readTree(registered.body()).path("id").asString();
        String code = await().atMost(Duration.ofSeconds(60)).until(() -> platform.mail().messages().stream()
                .filter(mail -> email.equals(mail.get("to"))).map(mail -> mail.get("text"))
                .map(Pattern.compile("/registration#code=([\\w-]+)")::matcher)
                .filter(Matcher::find).map(matcher -> matcher.group(1)).findFirst(), java.util.Optional::isPresent)
                .orElseThrow();
        assertThat(post("api/registrations/sessions", "{\"code\": \"" + code + "\"}").statusCode()).isEqualTo(201);
        String admin = organizerToken();
        assertThat(post("api/registrations/approvals", "{\"delegateIds\": [\"" + id + "\"]}", admin).statusCode())
                .isEqualTo(200);
        await().atMost(Duration.ofSeconds(60)).until(() -> get("api/notifications/local-sms", admin).body()
                .contains(phone));
        List<String> personal = List.of(givenName, familyName, email, phone);
        assertThat(storesHolding(personal)).as("before the erasure").isNotEmpty();
        assertThat(topicsHolding(personal)).as("events carry her profile sealed, never in the clear").isEmpty();
        String key = keyOf(id);
        assertThat(storesHolding(List.of(key))).as("her key, kept wrapped by the services that read her profile")
                .contains("convoy-registration.registrations", "convoy-scheduling.delegate_keys",
                        "convoy-notification.delegate_keys");

        HttpResponse<String> erased = send(HttpRequest.newBuilder(URI.create(platform.gatewayUrl()
                + "api/registrations/" + id)).header("Authorization", "Bearer " + admin).DELETE());
        assertThat(erased.statusCode()).as(erased.body()).isEqualTo(204);

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(storesHolding(personal)).isEmpty());
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(storesHolding(List.of(key)))
                .as("her key is destroyed everywhere: what it sealed, on the broker too, opens no more").isEmpty());
        assertThat(topicsHolding(personal)).isEmpty();
    }

    /** Every topic on the platform's broker on which a record, read from the start, contains any of the texts. */
    private List<String> topicsHolding(List<String> texts) throws Exception {
        Map<String, Object> config = Map.of("bootstrap.servers", platform.kafkaBootstrapServers(),
                "group.id", "outside-" + UUID.randomUUID(), "enable.auto.commit", false);
        List<String> found = new ArrayList<>();
        try (Admin admin = Admin.create(config.entrySet().stream().filter(e -> e.getKey().equals("bootstrap.servers"))
                .collect(java.util.stream.Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue)));
                KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(config, new ByteArrayDeserializer(),
                        new ByteArrayDeserializer())) {
            Set<String> topics = admin.listTopics().names().get();
            assertThat(topics).contains("convoy.delegates", "convoy.delegate-keys");
            ConfigResource keyStream = new ConfigResource(ConfigResource.Type.TOPIC, "convoy.delegate-keys");
            assertThat(admin.describeConfigs(List.of(keyStream)).all().get().get(keyStream).get("cleanup.policy")
                    .value()).as("the key stream keeps only each delegate's newest key event").isEqualTo("compact");
            for (String topic : topics) {
                List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                        .map(info -> new TopicPartition(topic, info.partition())).toList();
                consumer.assign(partitions);
                consumer.seekToBeginning(partitions);
                Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
                while (partitions.stream().anyMatch(partition -> consumer.position(partition) < end.get(partition))) {
                    for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(500))) {
                        String value = record.value() == null ? "" : new String(record.value(), StandardCharsets.UTF_8);
                        if (texts.stream().anyMatch(value::contains) && !found.contains(topic)) {
                            found.add(topic);
                        }
                    }
                }
            }
        }
        return found;
    }

    /** The delegate's key as the key stream carries it (wrapped), read from outside. */
    private String keyOf(String delegateId) throws Exception {
        return await().atMost(Duration.ofSeconds(30)).until(() -> {
            Map<String, Object> config = Map.of("bootstrap.servers", platform.kafkaBootstrapServers(),
                    "group.id", "outside-" + UUID.randomUUID(), "auto.offset.reset", "earliest");
            try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(config, new StringDeserializer(),
                    new StringDeserializer())) {
                consumer.subscribe(List.of("convoy.delegate-keys"));
                for (int poll = 0; poll < 10; poll++) {
                    for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
                        if (delegateId.equals(record.key()) && record.value().contains("wrappedKey")) {
                            return json.readTree(record.value()).path("wrappedKey").asString();
                        }
                    }
                }
            }
            return null;
        }, java.util.Objects::nonNull);
    }

    /** Every collection of every database of the platform, as "database.collection", in which any of the texts appears. */
    private List<String> storesHolding(List<String> texts) {
        List<String> found = new ArrayList<>();
        for (String database : List.of("convoy-registration", "convoy-scheduling", "convoy-notification",
                "convoy-gateway")) {
            try (MongoClient client = MongoClients.create(platform.mongoUri(database))) {
                for (String collection : client.getDatabase(database).listCollectionNames()) {
                    for (org.bson.Document document : client.getDatabase(database).getCollection(collection).find()) {
                        String content = document.toJson();
                        if (texts.stream().anyMatch(content::contains)) {
                            found.add(database + "." + collection);
                            break;
                        }
                    }
                }
            }
        }
        return found;
    }

    @Test
    @Order(4)
    void stoppingThePlatformLeavesNoServiceProcessRunning() {
        List<ProcessHandle> processes = new ArrayList<>(platform.services().stream()
                .map(service -> service.process().toHandle()).toList());
        processes.add(platform.zipkin().orElseThrow().process().toHandle());
        assertThat(processes).hasSize(5).allMatch(ProcessHandle::isAlive);

        platform.close();

        assertThat(processes).noneMatch(ProcessHandle::isAlive);
        assertThat(processes).allSatisfy(process -> assertThat(process.descendants()).isEmpty());
        assertThat(Ports.isFree(Integer.parseInt(platform.gatewayUrl().replaceAll("\\D+", "")))).isTrue();
    }

    private HttpResponse<String> post(String path, String body) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(platform.gatewayUrl() + path))
                .header("Content-Type", "application/json").timeout(Duration.ofSeconds(30))
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(String path, String body, String token) throws Exception {
        return send(HttpRequest.newBuilder(URI.create(platform.gatewayUrl() + path))
                .header("Content-Type", "application/json").header("Authorization", "Bearer " + token)
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    private HttpResponse<String> get(String path) throws Exception {
        return get(path, null);
    }

    private HttpResponse<String> get(String path, String token) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(platform.gatewayUrl() + path)).GET();
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return send(request);
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return http.send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Logs in through the real gateway as the administrator the launcher created. */
    private String organizerToken() throws Exception {
        HttpResponse<String> login = post("api/auth/login", "{\"username\":\"" + PlatformConfig.DEVELOPMENT_ADMIN_USERNAME
                + "\",\"password\":\"" + PlatformConfig.DEVELOPMENT_ADMIN_PASSWORD + "\"}");
        assertThat(login.statusCode()).as(login.body()).isEqualTo(200);
        return json.readTree(login.body()).path("accessToken").asString();
    }

    /** The open convoy these journeys register for, created through the organizers' API on first use. */
    private ConvoyCopy convoy() throws Exception {
        if (convoy == null) {
            convoy = ConvoyCopy.openCopyOfCalifornia(platform.gatewayUrl(), organizerToken(), "walking-skeleton");
        }
        return convoy;
    }

    private String registration(String email) throws Exception {
        return """
                {
                  "convoyId": "%s",
                  "givenName": "Lucía",
                  "familyName": "Gómez Treviño",
                  "email": "%s",
                  "preferredLanguage": "es",
                  "role": "STATE_REPRESENTATIVE",
                  "state": "MX-JAL",
                  "municipality": "San Pedro Tlaquepaque",
                  "organization": "Gobierno de San Pedro Tlaquepaque",
                  "sectors": ["DIASPORA_LINKS"],
                  "axes": ["COMMUNITIES"],
                  "channels": ["EMAIL"],
                  "privacyConsent": true
                }""".formatted(convoy().id(), email);
    }
}
