package org.convoy.local;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A convoy open for registration, for the benchmark and the platform tests to register for and plan: California 2023
 * copied through the organizers' own API (its hosts come along) a whole number of 52-week years ahead, so it starts on
 * a Monday of late February after today, still on Pacific standard time, and open for registration from now until it
 * starts.
 *
 * @param id   the convoy's id
 * @param days how many days after California 2023 it runs
 */
public record ConvoyCopy(String id, long days) {

    static final ZoneId PACIFIC = ZoneId.of("America/Los_Angeles");
    private static final LocalDate CALIFORNIA_2023 = LocalDate.of(2023, 2, 27);
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final DateTimeFormatter OFFSET = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssxxx");

    /** Creates and opens the copy, and waits until registration takes delegates for it. */
    public static ConvoyCopy openCopyOfCalifornia(String gatewayUrl, String token, String id)
            throws IOException, InterruptedException {
        return openCopyOfCalifornia(gatewayUrl, token, id, null);
    }

    /** The same with other places by role than California's, e.g. {@code {"MAYOR": 1}}. */
    public static ConvoyCopy openCopyOfCalifornia(String gatewayUrl, String token, String id, String placesByRole)
            throws IOException, InterruptedException {
        long weeks = 52;
        while (CALIFORNIA_2023.plusWeeks(weeks).isBefore(LocalDate.now(PACIFIC).plusDays(7))) {
            weeks += 52;
        }
        ConvoyCopy convoy = new ConvoyCopy(id, weeks * 7);
        return convoy.open(gatewayUrl, token, placesByRole,
                convoy.day(CALIFORNIA_2023.toString()).atStartOfDay(PACIFIC).toOffsetDateTime());
    }

    /**
     * A copy of California 2023 whose first day is today in Los Angeles, open for registration until its last day
     * ends: its meetings of today can be checked in at, and those that ended, answered about.
     */
    public static ConvoyCopy openCopyOfCaliforniaFromToday(String gatewayUrl, String token, String id)
            throws IOException, InterruptedException {
        ConvoyCopy convoy = new ConvoyCopy(id, ChronoUnit.DAYS.between(CALIFORNIA_2023, LocalDate.now(PACIFIC)));
        return convoy.open(gatewayUrl, token, null,
                convoy.day("2023-03-03").plusDays(1).atStartOfDay(PACIFIC).toOffsetDateTime());
    }

    private ConvoyCopy open(String gatewayUrl, String token, String placesByRole, OffsetDateTime closesAt)
            throws IOException, InterruptedException {
        ConvoyCopy convoy = this;
        HttpClient http = HttpClient.newHttpClient();
        JsonNode california = JSON.readTree(send(http, gatewayUrl, "GET", "api/scheduling/convoys/california-2023", null,
                token).body());
        ObjectNode copy = JSON.createObjectNode();
        copy.put("id", id).put("copyFrom", "california-2023");
        copy.set("names", JSON.readTree("{\"es\": \"Convoy de prueba " + id + "\", \"en\": \"Test convoy " + id + "\"}"));
        copy.put("startsOn", convoy.day(california.path("startsOn").asString()).toString());
        copy.put("endsOn", convoy.day(california.path("endsOn").asString()).toString());
        copy.set("cities", california.path("cities"));
        ArrayNode days = JSON.createArrayNode();
        for (JsonNode day : california.path("days")) {
            days.add(((ObjectNode) day.deepCopy()).put("date", convoy.day(day.path("date").asString()).toString()));
        }
        copy.set("days", days);
        copy.set("travel", california.path("travel"));
        if (placesByRole == null) {
            copy.set("places", california.path("places"));
        } else {
            JsonNode byRole = JSON.readTree(placesByRole);
            int total = 0;
            for (JsonNode places : byRole) {
                total += places.asInt();
            }
            copy.set("places", JSON.createObjectNode().put("total", total).set("byRole", byRole));
        }
        copy.set("registration", JSON.createObjectNode()
                .put("opensAt", OFFSET.format(OffsetDateTime.now(ZoneOffset.UTC).minusDays(1)))
                .put("closesAt", OFFSET.format(closesAt)));
        copy.put("retainUntil", convoy.day("2023-03-03").plusYears(1).toString());
        expect(send(http, gatewayUrl, "POST", "api/scheduling/convoys", copy.toString(), token), 201);
        expect(send(http, gatewayUrl, "POST", "api/scheduling/convoys/" + id + "/status", "{\"status\": \"OPEN\"}",
                token), 200);
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (!send(http, gatewayUrl, "GET", "api/registrations/convoys", null, null).body()
                .contains("\"id\":\"" + id + "\"")) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("Registration did not learn of convoy " + id + " within 60 s");
            }
            Thread.sleep(200);
        }
        return convoy;
    }

    private static void expect(HttpResponse<String> response, int status) {
        if (response.statusCode() != status) {
            throw new IllegalStateException("Expected " + status + " from " + response.uri() + ", got "
                    + response.statusCode() + ": " + response.body());
        }
    }

    /** The day of this convoy that stands where the given day of California 2023 stood. */
    public LocalDate day(String californiaDay) {
        return LocalDate.parse(californiaDay).plusDays(days);
    }

    /** A moment written as California 2023's local time ({@code 2023-02-28T10:00}), moved to this convoy, with offset. */
    public String at(String californiaLocal) {
        return OFFSET.format(LocalDateTime.parse(californiaLocal).plusDays(days).atZone(PACIFIC));
    }

    private static HttpResponse<String> send(HttpClient http, String gatewayUrl, String method, String path, String body,
            String token) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(gatewayUrl + path)).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
