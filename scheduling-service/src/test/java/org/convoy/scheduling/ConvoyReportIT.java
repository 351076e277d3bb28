package org.convoy.scheduling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.convoy.scheduling.SchedulingFixture.TOKEN;
import static org.convoy.scheduling.SchedulingFixture.californiaCopy;
import static org.convoy.scheduling.SchedulingFixture.json;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.convoy.scheduling.delegate.domain.ScheduledDelegateRepository;
import org.convoy.support.test.Http;
import org.convoy.support.test.ServiceIntegrationTest;
import org.convoy.support.test.TestEventPublisher;
import org.convoy.support.test.TestTokens;
import org.convoy.support.test.TokenChecks;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A convoy's report, on a small convoy of its own: four delegates, two confirmed meetings, a draft and a cancelled one;
 * each table as JSON and as CSV, and only for organizers who may see the convoy.
 */
@ServiceIntegrationTest
class ConvoyReportIT {

    private static final String INJECTED = "=Estudios Churubusco, \"Sala 1\"";

    @Autowired
    TestEventPublisher events;

    @Autowired
    ScheduledDelegateRepository delegates;

    @LocalServerPort
    int port;

    private String convoyId;
    private SchedulingFixture fixture;
    private String studio;

    @BeforeEach
    void smallConvoy() {
        convoyId = "report-" + UUID.randomUUID().toString().substring(0, 8);
        String convoys = "http://localhost:" + port + "/api/scheduling/convoys";
        ObjectNode copy = californiaCopy((ObjectNode) json(Http.get(convoys + "/california-2023", TOKEN)), convoyId);
        assertThat(Http.postJson(convoys, copy.toString(), TOKEN).statusCode()).isEqualTo(201);
        fixture = new SchedulingFixture(events, delegates, port, convoyId);

        UUID ana = fixture.registered("Ana", "MAYOR", "MX-JAL", List.of("CINEMATOGRAPHY", "FINTECH"), List.of(), "es");
        UUID beto = fixture.registered("Beto", "MAYOR", "MX-NLE", List.of("CINEMATOGRAPHY"), List.of(), "es");
        UUID carla = fixture.registered("Carla", "BUSINESS_DELEGATE", "MX-JAL", List.of("FINTECH"), List.of(), "en");
        fixture.registered("Dario", "STATE_REPRESENTATIVE", "MX-OAX", List.of("AUTOMOTIVE"), List.of(), "es");
        List.of(ana, beto, carla).forEach(fixture::approve);
        fixture.awaitApproved(List.of(ana, beto, carla));

        studio = "t-" + UUID.randomUUID().toString().substring(0, 8);
        String host = SchedulingFixture.hostJson(studio, "LOS_ANGELES", 10, "Calzada de Tlalpan 2818")
                .replace("\"name\": \"Host " + studio + "\"", "\"name\": " + SchedulingFixture.JSON.writeValueAsString(INJECTED));
        assertThat(Http.postJson(fixture.base() + "/hosts", host, TOKEN).statusCode()).isEqualTo(201);

        fixture.confirmed("disney", "2023-02-28T10:00:00-08:00", "2023-02-28T11:00:00-08:00", List.of(ana, beto));
        UUID fintech = drafted(studio, "2023-02-28T15:00:00-08:00", "FINTECH", "ECONOMIC", List.of(ana, carla));
        assertThat(fixture.confirm(fintech).statusCode()).isEqualTo(200);
        drafted(studio, "2023-03-01T09:00:00-08:00", "FINTECH", "ECONOMIC", List.of(beto));
        UUID cancelled = fixture.confirmed("disney", "2023-02-27T16:00:00-08:00", "2023-02-27T17:00:00-08:00",
                List.of(carla));
        assertThat(Http.postJson(fixture.base() + "/meetings/" + cancelled + "/cancellation",
                "{\"reason\": \"Cambio de agenda\"}", TOKEN).statusCode()).isEqualTo(200);
    }

    @Test
    void countsDelegatesByStatusRoleStateAndSectorAndMeetingsByHostSectorAndAxis() {
        HttpResponse<String> answer = fixture.get("/report");

        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        JsonNode report = json(answer);
        assertThat(report.get("convoyId").asString()).isEqualTo(convoyId);
        assertThat(rows(report, "summary")).contains(List.of("delegates", "4"), List.of("approved", "3"),
                List.of("confirmed_meetings", "2"), List.of("attendee_seats", "4"), List.of("attendance_rate", ""));
        assertThat(rows(report, "delegatesByStatus")).containsExactly(List.of("SUBMITTED", "1"),
                List.of("WAITLISTED", "0"), List.of("APPROVED", "3"), List.of("REJECTED", "0"),
                List.of("WITHDRAWN", "0"));
        assertThat(rows(report, "delegatesByRole")).containsExactly(List.of("MAYOR", "2", "2"),
                List.of("BUSINESS_DELEGATE", "1", "1"), List.of("STATE_REPRESENTATIVE", "1", "0"));
        assertThat(rows(report, "delegatesByState")).containsExactly(List.of("MX-JAL", "2", "2"),
                List.of("MX-NLE", "1", "1"), List.of("MX-OAX", "1", "0"));
        assertThat(rows(report, "delegatesBySector")).containsExactly(List.of("CINEMATOGRAPHY", "2", "2"),
                List.of("FINTECH", "2", "2"), List.of("AUTOMOTIVE", "1", "0"));
        assertThat(rows(report, "meetingsByHost")).containsExactlyInAnyOrder(
                List.of("disney", json(fixture.get("/hosts/disney")).get("name").asString(), "1", "1", "0", "2"),
                List.of(studio, INJECTED, "1", "0", "1", "2"));
        assertThat(rows(report, "meetingsBySector")).containsExactly(List.of("CINEMATOGRAPHY", "1", "2"),
                List.of("FINTECH", "1", "2"));
        assertThat(rows(report, "meetingsByAxis")).containsExactly(List.of("CREATIVE_INDUSTRIES", "1", "2"),
                List.of("ECONOMIC", "1", "2"));
    }

    @Test
    void attendanceAndSurveyListTheConfirmedMeetingsWithNothingRecordedYet() {
        JsonNode report = json(fixture.get("/report"));

        assertThat(table(report, "attendance").get("note").asString()).isEqualTo("noCheckInsYet");
        assertThat(rows(report, "attendance")).extracting(row -> row.subList(1, 11)).containsExactly(
                List.of("2023-02-28", "10:00", "11:00", "America/Los_Angeles",
                        json(fixture.get("/hosts/disney")).get("name").asString(), "2", "", "", "", ""),
                List.of("2023-02-28", "15:00", "16:00", "America/Los_Angeles", INJECTED, "2", "", "", "", ""));
        assertThat(table(report, "attendanceByHost").get("note").asString()).isEqualTo("noCheckInsYet");
        assertThat(table(report, "surveyByHost").get("note").asString()).isEqualTo("noAnswersYet");
        assertThat(rows(report, "surveyByHost")).extracting(row -> row.subList(2, 5))
                .containsExactly(List.of("1", "0", ""), List.of("1", "0", ""));
    }

    @Test
    void eachTableDownloadsAsCsvWithItsNameAndNoCellASpreadsheetWouldRun() {
        HttpResponse<byte[]> byFormat = csv("/report?format=csv&table=meetingsByHost", "application/json");
        HttpResponse<byte[]> byAccept = csv("/report?table=meetingsByHost", "text/csv");

        for (HttpResponse<byte[]> answer : List.of(byFormat, byAccept)) {
            assertThat(answer.statusCode()).isEqualTo(200);
            assertThat(answer.headers().firstValue("Content-Type")).hasValue("text/csv;charset=UTF-8");
            assertThat(answer.headers().firstValue("Content-Disposition"))
                    .hasValue("attachment; filename=\"" + convoyId + "-meetingsByHost.csv\"");
            String text = new String(answer.body(), StandardCharsets.UTF_8);
            assertThat(text).startsWith("\uFEFFhost_id,host,confirmed,cancelled,drafts,attendees\r\n")
                    .contains(studio + ",\"'=Estudios Churubusco, \"\"Sala 1\"\"\",1,0,1,2\r\n");
        }
        assertThat(new String(csv("/report?format=csv&table=delegatesByState", null).body(), StandardCharsets.UTF_8))
                .isEqualTo("\uFEFFstate,delegates,approved\r\nMX-JAL,2,2\r\nMX-NLE,1,1\r\nMX-OAX,1,0\r\n");
    }

    @Test
    void aCsvWithoutAKnownTableOrInAnUnknownFormatIs400NamingTheField() {
        assertFieldProblem(fixture.get("/report?format=csv"), "table");
        assertFieldProblem(fixture.get("/report?format=csv&table=salaries"), "table");
        assertFieldProblem(fixture.get("/report?format=xlsx&table=summary"), "format");
    }

    @Test
    void onlyOrganizersWhoMaySeeTheConvoyReadItsReport() {
        TokenChecks.assertOrganizersOnly(fixture.base() + "/report");
        HttpResponse<String> otherConvoy = Http.get(fixture.base() + "/report",
                TestTokens.scoped("limited", List.of("california-2027")));
        HttpResponse<String> ownConvoy = Http.get(fixture.base() + "/report", TestTokens.scoped("limited",
                List.of(convoyId)));
        HttpResponse<String> unknown = Http.get("http://localhost:" + port + "/api/scheduling/convoys/no-such/report",
                TOKEN);

        assertThat(otherConvoy.statusCode()).isEqualTo(404);
        assertThat(otherConvoy.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(otherConvoy.body()).doesNotContain(convoyId + "\",\"generatedAt");
        assertThat(ownConvoy.statusCode()).isEqualTo(200);
        assertThat(unknown.statusCode()).isEqualTo(404);
    }

    private UUID drafted(String hostId, String startsAt, String sector, String axis, List<UUID> attendees) {
        String body = SchedulingFixture.meeting(hostId, startsAt, startsAt.replace("T15:", "T16:").replace("T09:", "T10:"),
                attendees).replace("CREATIVE_INDUSTRIES", axis).replace("CINEMATOGRAPHY", sector);
        HttpResponse<String> response = Http.postJson(fixture.base() + "/meetings", body, TOKEN);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        return UUID.fromString(json(response).get("id").asString());
    }

    private HttpResponse<byte[]> csv(String path, String accept) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(fixture.base() + path))
                .header("Authorization", "Bearer " + TOKEN).GET();
        if (accept != null) {
            request.header("Accept", accept);
        }
        return Http.sendBytes(request);
    }

    private static void assertFieldProblem(HttpResponse<String> answer, String field) {
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(400);
        assertThat(answer.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(json(answer).get("errors").findValuesAsString("field")).containsExactly(field);
    }

    private static JsonNode table(JsonNode report, String name) {
        for (JsonNode table : report.get("tables")) {
            if (table.get("name").asString().equals(name)) {
                return table;
            }
        }
        throw new AssertionError("No table " + name + " in " + report);
    }

    /** The table's rows, every cell as text ({@code ""} for an empty one). */
    private static List<List<String>> rows(JsonNode report, String name) {
        List<List<String>> rows = new ArrayList<>();
        for (JsonNode row : table(report, name).get("rows")) {
            List<String> cells = new ArrayList<>();
            row.forEach(cell -> cells.add(cell.isNull() ? "" : cell.asString()));
            rows.add(cells);
        }
        return rows;
    }
}
