package org.convoy.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.convoy.notification.contact.domain.Contact;
import org.convoy.notification.notice.domain.Notice;
import org.convoy.support.test.Http;
import org.convoy.support.test.ServiceIntegrationTest;
import org.convoy.support.test.TestTokens;
import org.convoy.support.test.TokenChecks;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoOperations;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The notices part of a convoy's report: its delegates' notices by channel, status and kind, as JSON and CSV. */
@ServiceIntegrationTest
class NoticeReportIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String TOKEN = TestTokens.organizer();

    @Autowired
    MongoOperations mongo;

    @LocalServerPort
    int port;

    private String convoyId;

    @BeforeEach
    void noticesOfTwoDelegatesAndOneOfAnotherConvoy() {
        convoyId = "report-" + UUID.randomUUID().toString().substring(0, 8);
        UUID ana = contact(convoyId);
        UUID beto = contact(convoyId);
        UUID elsewhere = contact("other-" + convoyId);
        notice(ana, "EMAIL", "welcome", Notice.Status.SENT);
        notice(ana, "SMS", "welcome", Notice.Status.SENT);
        notice(ana, "EMAIL", "meeting.confirmed", Notice.Status.SENT);
        notice(ana, "SMS", "meeting.confirmed", Notice.Status.FAILED);
        notice(beto, "EMAIL", "meeting.confirmed", Notice.Status.DEAD);
        notice(beto, "SMS", "approved", Notice.Status.SKIPPED);
        notice(beto, "EMAIL", "approved", Notice.Status.DEFERRED);
        notice(elsewhere, "EMAIL", "welcome", Notice.Status.SENT);
    }

    @Test
    void countsTheConvoysNoticesByChannelStatusAndKind() {
        HttpResponse<String> answer = Http.get(report(""), TOKEN);

        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        JsonNode report = JSON.readTree(answer.body());
        assertThat(rows(report, "noticesByChannel")).containsExactly(List.of("EMAIL", "4", "2", "1", "0", "1", "0"),
                List.of("WHATSAPP", "0", "0", "0", "0", "0", "0"), List.of("SMS", "3", "1", "0", "1", "0", "1"));
        assertThat(columns(report, "noticesByStatus")).containsExactly("status", "email", "whatsapp", "sms", "total");
        assertThat(rows(report, "noticesByStatus")).containsExactly(List.of("PENDING", "0", "0", "0", "0"),
                List.of("DEFERRED", "1", "0", "0", "1"), List.of("RETRYING", "0", "0", "0", "0"),
                List.of("SENT", "2", "0", "1", "3"), List.of("FAILED", "0", "0", "1", "1"),
                List.of("DEAD", "1", "0", "0", "1"), List.of("SKIPPED", "0", "0", "1", "1"));
        assertThat(rows(report, "noticesByKind")).containsExactly(
                List.of("meeting.confirmed", "3", "1", "0", "1", "1", "0"),
                List.of("approved", "2", "0", "1", "0", "0", "1"), List.of("welcome", "2", "2", "0", "0", "0", "0"));
    }

    @Test
    void eachTableDownloadsAsCsv() {
        HttpResponse<byte[]> byFormat = csv("&format=csv&table=noticesByChannel", null);
        HttpResponse<byte[]> byAccept = csv("&table=noticesByChannel", "text/csv");

        for (HttpResponse<byte[]> answer : List.of(byFormat, byAccept)) {
            assertThat(answer.statusCode()).isEqualTo(200);
            assertThat(answer.headers().firstValue("Content-Disposition"))
                    .hasValue("attachment; filename=\"" + convoyId + "-noticesByChannel.csv\"");
            assertThat(new String(answer.body(), StandardCharsets.UTF_8)).isEqualTo(
                    "\uFEFFchannel,total,sent,waiting,failed,dead,skipped\r\nEMAIL,4,2,1,0,1,0\r\nWHATSAPP,0,0,0,0,0,0\r\nSMS,3,1,0,1,0,1\r\n");
        }
    }

    @Test
    void badInputIs400NamingTheField() {
        assertFieldProblem(Http.get("http://localhost:" + port + "/api/notifications/report", TOKEN), "convoyId");
        assertFieldProblem(Http.get(report("&format=csv"), TOKEN), "table");
        assertFieldProblem(Http.get(report("&format=pdf&table=noticesByKind"), TOKEN), "format");
    }

    @Test
    void onlyOrganizersWhoMaySeeTheConvoyReadItsNotices() {
        TokenChecks.assertOrganizersOnly(report(""));
        HttpResponse<String> otherConvoy = Http.get(report(""), TestTokens.scoped("limited", List.of("california-2027")));
        HttpResponse<String> ownConvoy = Http.get(report(""), TestTokens.scoped("limited", List.of(convoyId)));

        assertThat(otherConvoy.statusCode()).isEqualTo(404);
        assertThat(otherConvoy.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(ownConvoy.statusCode()).isEqualTo(200);
    }

    private String report(String query) {
        return "http://localhost:" + port + "/api/notifications/report?convoyId=" + convoyId + query;
    }

    private HttpResponse<byte[]> csv(String query, String accept) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(report(query)))
                .header("Authorization", "Bearer " + TOKEN).GET();
        if (accept != null) {
            request.header("Accept", accept);
        }
        return Http.sendBytes(request);
    }

    private UUID contact(String convoy) {
        UUID id = UUID.randomUUID();
        mongo.insert(new Contact(id, convoy, "Ana", "Test", id + "@example.mx", "+523312345678", "es",
                Set.of("EMAIL", "SMS"), false, "America/Mexico_City", Set.of(), true, false, Instant.now(), null, null));
        return id;
    }

    /** A notice as the ledger keeps it; one still waiting is due only tomorrow, so no sender touches it meanwhile. */
    private void notice(UUID delegateId, String channel, String kind, Notice.Status status) {
        UUID eventId = UUID.randomUUID();
        Instant now = Instant.now();
        mongo.insert(new Notice(Notice.idOf(eventId, delegateId, channel), eventId, "Test", delegateId, null, channel,
                kind, new Notice.Message(delegateId + "@example.mx", "Asunto", "Texto"), status, 1, null, now,
                status == Notice.Status.DEFERRED ? now.plus(Duration.ofDays(1)) : null,
                status == Notice.Status.SENT ? now : null, null, null, null, null, null));
    }

    private static void assertFieldProblem(HttpResponse<String> answer, String field) {
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(400);
        assertThat(answer.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(JSON.readTree(answer.body()).get("errors").findValuesAsString("field")).containsExactly(field);
    }

    private static List<String> columns(JsonNode report, String name) {
        List<String> columns = new ArrayList<>();
        for (JsonNode table : report.get("tables")) {
            if (table.get("name").asString().equals(name)) {
                table.get("columns").forEach(column -> columns.add(column.asString()));
            }
        }
        return columns;
    }

    private static List<List<String>> rows(JsonNode report, String name) {
        List<List<String>> rows = new ArrayList<>();
        for (JsonNode table : report.get("tables")) {
            if (table.get("name").asString().equals(name)) {
                table.get("rows").forEach(row -> {
                    List<String> cells = new ArrayList<>();
                    row.forEach(cell -> cells.add(cell.asString()));
                    rows.add(cells);
                });
            }
        }
        return rows;
    }
}
