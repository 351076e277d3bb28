package org.convoy.scheduling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.convoy.scheduling.SchedulingFixture.json;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.convoy.events.EventCodec;
import org.convoy.events.EventHeaders;
import org.convoy.events.HostConfirmedVisit;
import org.convoy.events.HostContactsChanged;
import org.convoy.events.HostLinkIssued;
import org.convoy.events.HostProposedAnotherTime;
import org.convoy.events.Topics;
import org.convoy.scheduling.delegate.domain.ScheduledDelegateRepository;
import org.convoy.support.links.AttendeePasses;
import org.convoy.support.links.LinkCodes;
import org.convoy.support.test.EventProbe;
import org.convoy.support.test.Http;
import org.convoy.support.test.MutableClock;
import org.convoy.support.test.ServiceIntegrationTest;
import org.convoy.support.test.TestEventPublisher;
import org.convoy.support.test.TestSecrets;
import org.convoy.support.test.TestTokens;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.core.env.Environment;

import tools.jackson.databind.JsonNode;

/**
 * Hosts in the loop: a host's contacts travel on the host stream; an organizer sends a contact her personal link,
 * whose one-time code opens the host page once; the page shows the host's upcoming visits with their visitor lists
 * and takes her answer, which organizers see on the meeting; forged, reused and revoked links and sessions are
 * refused, and bad answers name their field.
 */
@ServiceIntegrationTest
@Import(MutableClock.Config.class)
class HostPageIT {

    static final String TOKEN = TestTokens.organizer();
    static final EventCodec CODEC = new EventCodec();
    static final LinkCodes CODES = new LinkCodes(TestSecrets.LINK);

    static EventProbe hostStream;

    @Autowired
    TestEventPublisher events;

    @Autowired
    ScheduledDelegateRepository delegates;

    @Autowired
    MutableClock clock;

    @Autowired
    Environment environment;

    @LocalServerPort
    int port;

    private static final AttendeePasses PASSES = new AttendeePasses(TestSecrets.LINK);

    SchedulingFixture fixture;
    String hostId;

    @BeforeEach
    void setUp() {
        fixture = new SchedulingFixture(events, delegates, port);
        clock.set(MutableClock.BEFORE_CONVOY);
        if (hostStream == null) {
            hostStream = new EventProbe(environment.getRequiredProperty("spring.cloud.stream.kafka.binder.brokers"),
                    Topics.HOSTS);
        }
        hostId = "hp-" + UUID.randomUUID().toString().substring(0, 8);
        HttpResponse<String> added = Http.postJson(api("/hosts"), """
                {"hostId": "%s", "organization": "Studio %s",
                 "contacts": [{"name": "Dana Whitfield", "email": "dana-%s@example.com", "language": "en"},
                              {"name": "Lucía Pérez", "email": "lucia-%s@example.com", "phone": "+14155550100",
                               "language": "es"}],
                 "venues": [{"city": "SAN_FRANCISCO", "name": "Studio", "address": "1 Market St", "roomCapacity": 12}],
                 "sectors": ["CINEMATOGRAPHY"], "axes": ["CREATIVE_INDUSTRIES"]}""".formatted(hostId, hostId, hostId,
                hostId), TOKEN);
        assertThat(added.statusCode()).as(added.body()).isEqualTo(201);
        HttpResponse<String> takesPart = Http.postJson(fixture.base() + "/hosts",
                SchedulingFixture.hostJson(hostId, "SAN_FRANCISCO", 12, "1 Market St"), TOKEN);
        assertThat(takesPart.statusCode()).as(takesPart.body()).isEqualTo(201);
    }

    @AfterAll
    static void closeProbe() {
        if (hostStream != null) {
            hostStream.close();
            hostStream = null;
        }
    }

    @Test
    void aHostsContactsTravelWithStableIdsAndAChangeIsAnnouncedAgain() {
        HostContactsChanged first = await().atMost(Duration.ofSeconds(15)).until(
                () -> last(HostContactsChanged.class), found -> found != null);
        assertThat(first.organization()).isEqualTo("Studio " + hostId);
        assertThat(first.contacts()).extracting(HostContactsChanged.HostContact::name)
                .containsExactly("Dana Whitfield", "Lucía Pérez");
        UUID dana = first.contacts().get(0).contactId();

        JsonNode stored = json(Http.get(api("/hosts/" + hostId), TOKEN));
        String changed = """
                {"organization": "%s", "version": %d,
                 "contacts": [{"name": "Dana Whitfield-Ross", "email": "DANA-%s@example.com", "language": "en"}],
                 "venues": %s, "sectors": ["CINEMATOGRAPHY"], "axes": ["CREATIVE_INDUSTRIES"]}""".formatted(
                stored.get("organization").asString(), stored.get("version").asLong(), hostId, stored.get("venues"));
        assertThat(Http.send("PUT", api("/hosts/" + hostId), changed, TOKEN).statusCode()).isEqualTo(200);

        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> {
            HostContactsChanged latest = last(HostContactsChanged.class);
            assertThat(latest.eventId()).isNotEqualTo(first.eventId());
            assertThat(latest.contacts()).singleElement().satisfies(contact -> {
                assertThat(contact.contactId()).as("same address, same contact").isEqualTo(dana);
                assertThat(contact.name()).isEqualTo("Dana Whitfield-Ross");
            });
        });
    }

    @Test
    void aContactOpensHerLinkOnceSeesTheUpcomingVisitWithItsVisitorsAndHerAnswerReachesThePlanner() {
        UUID maria = fixture.approved("Maria", List.of("CINEMATOGRAPHY"), List.of());
        UUID sofia = fixture.approved("Sofia", List.of("CINEMATOGRAPHY"), List.of());
        fixture.awaitApproved(List.of(maria, sofia));
        UUID meetingId = fixture.confirmed(hostId, "2023-03-03T10:00:00-08:00", "2023-03-03T11:00:00-08:00",
                List.of(maria, sofia));
        UUID lucia = contactId(1);

        String code = sendLink(lucia);
        HttpResponse<String> opened = Http.postJson(api("/host-sessions"), "{\"code\": \"" + code + "\"}");
        HttpResponse<String> again = Http.postJson(api("/host-sessions"), "{\"code\": \"" + code + "\"}");

        assertThat(opened.statusCode()).as(opened.body()).isEqualTo(201);
        assertThat(json(opened).get("contactName").asString()).isEqualTo("Lucía Pérez");
        assertThat(json(opened).get("language").asString()).isEqualTo("es");
        assertProblem(again, 410);
        String session = json(opened).get("session").asString();

        JsonNode page = json(hostCall("GET", "/host-page", null, session));
        assertThat(page.get("organization").asString()).as("as the convoy's catalogue renamed it").isEqualTo("Host " + hostId);
        JsonNode visit = only(page.get("visits"), meetingId);
        assertThat(visit.get("startsAt").asString()).isEqualTo("2023-03-03T10:00:00-08:00");
        assertThat(visit.get("zone").asString()).isEqualTo("America/Los_Angeles");
        assertThat(visit.get("visitors").findValuesAsString("name")).containsExactlyInAnyOrder("Maria Test",
                "Sofia Test");
        JsonNode maríaVisitor = visitor(visit, "Maria Test");
        JsonNode sofíaVisitor = visitor(visit, "Sofia Test");
        assertThat(maríaVisitor.get("organization").isNull()).as("María did not agree to share").isTrue();
        assertThat(sofíaVisitor.get("organization").asString()).isEqualTo("Municipio de Sofia");
        assertThat(visit.toString()).doesNotContain("@example.mx");

        HttpResponse<String> confirmed = hostCall("POST", "/host-page/answers", answer(meetingId, 0, "CONFIRMED",
                "Recepción en el segundo piso"), session);
        assertThat(confirmed.statusCode()).as(confirmed.body()).isEqualTo(200);
        assertThat(json(confirmed).get("answer").get("kind").asString()).isEqualTo("CONFIRMED");

        JsonNode card = json(fixture.get("/meetings/" + meetingId));
        assertThat(card.get("hostAnswer").get("kind").asString()).isEqualTo("CONFIRMED");
        assertThat(card.get("hostAnswer").get("contactName").asString()).isEqualTo("Lucía Pérez");
        assertThat(card.get("hostAnswer").get("message").asString()).isEqualTo("Recepción en el segundo piso");
        HostConfirmedVisit event = await().atMost(Duration.ofSeconds(15)).until(
                () -> last(HostConfirmedVisit.class), found -> found != null);
        assertThat(event.meetingId()).isEqualTo(meetingId);
        assertThat(event.contactId()).isEqualTo(lucia);
        assertThat(event.sequence()).isZero();

        HttpResponse<String> proposal = hostCall("POST", "/host-page/answers", answer(meetingId, 0, "ANOTHER_TIME",
                "¿Podría ser a las 15:00?"), session);
        assertThat(proposal.statusCode()).as(proposal.body()).isEqualTo(200);
        assertThat(json(fixture.get("/meetings/" + meetingId)).get("hostAnswer").get("kind").asString())
                .isEqualTo("ANOTHER_TIME");
        await().atMost(Duration.ofSeconds(15)).until(() -> last(HostProposedAnotherTime.class),
                found -> found != null && found.meetingId().equals(meetingId));

        assertThat(fixture.put("/meetings/" + meetingId, SchedulingFixture.meeting(hostId, "2023-03-03T15:00:00-08:00",
                "2023-03-03T16:00:00-08:00", List.of(maria, sofia))).statusCode()).isEqualTo(200);
        assertThat(json(fixture.get("/meetings/" + meetingId)).get("hostAnswer").isNull())
                .as("an answer was about the old time").isTrue();
        assertProblem(hostCall("POST", "/host-page/answers", answer(meetingId, 0, "CONFIRMED", null), session), 409);

        clock.set(java.time.Instant.parse("2023-03-04T01:00:00Z"));
        String later = json(Http.postJson(api("/host-sessions"), "{\"code\": \"" + sendLink(lucia) + "\"}"))
                .get("session").asString();
        assertThat(json(hostCall("GET", "/host-page", null, later)).get("visits").toString())
                .as("past visits leave the page").doesNotContain(meetingId.toString());
    }

    @Test
    void theHostsDeskChecksInAVisitorOfItsOwnMeetingsAndTheReportCountsHer() {
        UUID maria = fixture.approved("Maria", List.of("CINEMATOGRAPHY"), List.of());
        UUID sofia = fixture.approved("Sofia", List.of("CINEMATOGRAPHY"), List.of());
        fixture.awaitApproved(List.of(maria, sofia));
        UUID meetingId = fixture.confirmed(hostId, "2023-03-03T10:00:00-08:00", "2023-03-03T11:00:00-08:00",
                List.of(maria, sofia));
        UUID elsewhere = fixture.confirmed(fixture.host("SAN_FRANCISCO", 12), "2023-03-03T13:00:00-08:00",
                "2023-03-03T14:00:00-08:00", List.of(maria));
        clock.set(java.time.Instant.parse("2023-03-03T17:55:00Z"));
        String session = json(Http.postJson(api("/host-sessions"), "{\"code\": \"" + sendLink(contactId(1)) + "\"}"))
                .get("session").asString();
        String code = "{\"code\": \"" + PASSES.shortCode(meetingId, maria) + "\"}";

        HttpResponse<String> arrived = hostCall("POST", deskPath(meetingId), code, session);
        HttpResponse<String> otherHost = hostCall("POST", deskPath(elsewhere),
                "{\"code\": \"" + PASSES.shortCode(elsewhere, maria) + "\"}", session);
        HttpResponse<String> noSession = hostCall("POST", deskPath(meetingId), code, null);

        assertThat(arrived.statusCode()).as(arrived.body()).isEqualTo(200);
        assertThat(json(arrived).toString()).contains("Maria Test");
        assertProblem(otherHost, 403);
        assertProblem(noSession, 401);
        clock.set(java.time.Instant.parse("2023-03-03T19:30:00Z"));
        JsonNode attendance = null;
        for (JsonNode table : json(fixture.get("/report")).get("tables")) {
            if (table.get("name").asString().equals("attendance")) {
                attendance = table;
            }
        }
        assertThat(attendance).isNotNull();
        List<String> columns = attendance.get("columns").valueStream().map(JsonNode::asString).toList();
        JsonNode row = attendance.get("rows").valueStream()
                .filter(cells -> cells.get(0).asString().equals(meetingId.toString())).findFirst().orElseThrow();
        assertThat(row.get(columns.indexOf("checked_in")).asInt()).isEqualTo(1);
        assertThat(row.get(columns.indexOf("no_shows")).asInt()).as("Sofía did not come").isEqualTo(1);
    }

    private String deskPath(UUID meetingId) {
        return "/host-page/convoys/" + fixture.convoyId() + "/meetings/" + meetingId + "/check-ins";
    }

    @Test
    void forgedReplacedAndRevokedLinksAndSessionsAreRefused() {
        UUID dana = contactId(0);
        String firstCode = sendLink(dana);
        String secondCode = sendLink(dana);

        assertProblem(Http.postJson(api("/host-sessions"), "{\"code\": \"forged-code\"}"), 401);
        assertProblem(Http.postJson(api("/host-sessions"), "{\"code\": \"" + firstCode + "\"}"), 401);
        HttpResponse<String> opened = Http.postJson(api("/host-sessions"), "{\"code\": \"" + secondCode + "\"}");
        assertThat(opened.statusCode()).as(opened.body()).isEqualTo(201);
        String session = json(opened).get("session").asString();
        assertThat(hostCall("GET", "/host-page", null, session).statusCode()).isEqualTo(200);
        assertProblem(hostCall("GET", "/host-page", null, null), 401);
        assertProblem(hostCall("GET", "/host-page", null, session.substring(0, session.length() - 2) + "xx"), 401);
        assertProblem(hostCall("GET", "/host-page", null, TOKEN), 401);

        String unused = sendLink(dana);
        assertThat(Http.send("DELETE", api("/hosts/" + hostId + "/contacts/" + dana + "/link"), null, TOKEN)
                .statusCode()).isEqualTo(204);

        assertProblem(hostCall("GET", "/host-page", null, session), 401);
        assertProblem(Http.postJson(api("/host-sessions"), "{\"code\": \"" + unused + "\"}"), 410);
        assertProblem(Http.postJson(api("/hosts/" + hostId + "/contacts/" + UUID.randomUUID() + "/link"), "", TOKEN),
                404);
        assertThat(Http.postJson(api("/hosts/" + hostId + "/contacts/" + dana + "/link"), "").statusCode())
                .as("organizers only").isEqualTo(401);
    }

    @Test
    void badAnswersAreRefusedNamingTheFieldAndChangeNothing() {
        UUID maria = fixture.approved("Maria", List.of("CINEMATOGRAPHY"), List.of());
        fixture.awaitApproved(List.of(maria));
        UUID meetingId = fixture.confirmed(hostId, "2023-03-03T12:00:00-08:00", "2023-03-03T13:00:00-08:00",
                List.of(maria));
        String code = sendLink(contactId(0));
        String session = json(Http.postJson(api("/host-sessions"), "{\"code\": \"" + code + "\"}"))
                .get("session").asString();

        assertField(hostCall("POST", "/host-page/answers", answer(meetingId, 0, "ANOTHER_TIME", " "), session),
                "message");
        assertField(hostCall("POST", "/host-page/answers", answer(meetingId, 0, "MAYBE", null), session), "answer");
        assertField(hostCall("POST", "/host-page/answers", answer(meetingId, 0, "CONFIRMED", "a\u202Eb"), session),
                "message");
        assertField(Http.postJson(api("/host-sessions"), "{\"code\": \"\"}"), "code");
        assertProblem(hostCall("POST", "/host-page/answers", answer(UUID.randomUUID(), 0, "CONFIRMED", null), session),
                404);
        assertThat(json(fixture.get("/meetings/" + meetingId)).get("hostAnswer").isNull()).isTrue();
    }

    private String sendLink(UUID contactId) {
        long before = events(HostLinkIssued.class).size();
        HttpResponse<String> sent = Http.postJson(api("/hosts/" + hostId + "/contacts/" + contactId + "/link"), "",
                TOKEN);
        assertThat(sent.statusCode()).as(sent.body()).isEqualTo(202);
        List<HostLinkIssued> issued = await().atMost(Duration.ofSeconds(15)).until(() -> events(HostLinkIssued.class),
                found -> found.size() > before && found.get(found.size() - 1).contactId().equals(contactId));
        return CODES.code(contactId, issued.get(issued.size() - 1).linkNonce());
    }

    private UUID contactId(int index) {
        return UUID.fromString(json(Http.get(api("/hosts/" + hostId), TOKEN)).get("contacts").get(index).get("id")
                .asString());
    }

    private <T> List<T> events(Class<T> type) {
        return hostStream.recordsWithKey(hostId).stream()
                .filter(record -> type.getSimpleName().equals(EventProbe.header(record, EventHeaders.EVENT_TYPE)))
                .map(record -> CODEC.read(record.value(), type.asSubclass(org.convoy.events.ConvoyEvent.class)))
                .map(type::cast).toList();
    }

    private <T> T last(Class<T> type) {
        List<T> found = events(type);
        return found.isEmpty() ? null : found.get(found.size() - 1);
    }

    private HttpResponse<String> hostCall(String method, String path, String body, String session) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(api(path))).method(method,
                body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        if (session != null) {
            request.header("X-Host-Token", session);
        }
        return Http.send(request);
    }

    private static String answer(UUID meetingId, int sequence, String kind, String message) {
        return """
                {"convoyId": "%s", "meetingId": "%s", "sequence": %d, "answer": "%s", "message": %s}""".formatted(
                SchedulingFixture.CONVOY, meetingId, sequence, kind, message == null ? "null" : "\"" + message + "\"");
    }

    private static JsonNode only(JsonNode visits, UUID meetingId) {
        List<JsonNode> found = new java.util.ArrayList<>();
        visits.forEach(visit -> {
            if (visit.get("meetingId").asString().equals(meetingId.toString())) {
                found.add(visit);
            }
        });
        assertThat(found).hasSize(1);
        return found.get(0);
    }

    private static JsonNode visitor(JsonNode visit, String name) {
        for (JsonNode visitor : visit.get("visitors")) {
            if (visitor.get("name").asString().equals(name)) {
                return visitor;
            }
        }
        throw new AssertionError("no visitor " + name);
    }

    private static void assertProblem(HttpResponse<String> response, int status) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
    }

    private static void assertField(HttpResponse<String> response, String field) {
        assertProblem(response, 400);
        assertThat(json(response).get("errors").findValuesAsString("field")).as(response.body()).contains(field);
    }

    private String api(String path) {
        return "http://localhost:" + port + "/api/scheduling" + path;
    }
}
