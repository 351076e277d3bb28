package org.convoy.scheduling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.convoy.events.DelegateApproved;
import org.convoy.events.DelegateProfile;
import org.convoy.events.DelegateRegistered;
import org.convoy.scheduling.delegate.domain.ScheduledDelegate;
import org.convoy.scheduling.delegate.domain.ScheduledDelegateRepository;
import org.convoy.support.test.Http;
import org.convoy.support.test.TestTokens;
import org.convoy.support.test.TestEventPublisher;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** Test data and calls shared by the scheduling tests: delegates arrive as events, organizers call over HTTP. */
final class SchedulingFixture {

    static final String TOKEN = TestTokens.organizer();

    static final String CONVOY = "california-2023";
    static final JsonMapper JSON = JsonMapper.builder().build();

    private final TestEventPublisher events;
    private final ScheduledDelegateRepository delegates;
    private final String base;
    private final String convoyId;

    SchedulingFixture(TestEventPublisher events, ScheduledDelegateRepository delegates, int port) {
        this(events, delegates, port, CONVOY);
    }

    /** The same calls for another convoy, e.g. one a test created. */
    SchedulingFixture(TestEventPublisher events, ScheduledDelegateRepository delegates, int port, String convoyId) {
        this.events = events;
        this.delegates = delegates;
        this.convoyId = convoyId;
        this.base = "http://localhost:" + port + "/api/scheduling/convoys/" + convoyId;
    }

    String base() {
        return base;
    }

    String convoyId() {
        return convoyId;
    }

    UUID registered(String givenName, List<String> sectors, List<String> axes) {
        return registered(givenName, sectors, axes, "es");
    }

    UUID registered(String givenName, List<String> sectors, List<String> axes, String language) {
        return registered(givenName, "MAYOR", "MX-JAL", sectors, axes, language);
    }

    /** A delegate of the given role from the given state (ISO 3166-2, such as {@code MX-JAL}). */
    UUID registered(String givenName, String role, String state, List<String> sectors, List<String> axes,
            String language) {
        UUID id = UUID.randomUUID();
        events.publish(new DelegateRegistered(UUID.randomUUID(), Instant.now(), 1, id, convoyId, id,
                new DelegateProfile(givenName, "Test", givenName.toLowerCase() + "-" + id + "@example.mx", null, language,
                        role, state, "Zapopan", "Municipio de " + givenName, "Presidente Municipal", sectors, axes,
                        Set.of("EMAIL"), givenName.startsWith("S"))));
        return id;
    }

    void approve(UUID delegateId) {
        events.publish(new DelegateApproved(UUID.randomUUID(), Instant.now(), 1, delegateId, convoyId));
    }

    /**
     * A request that copies California 2023 (cities, days, travel times, places, and its hosts) into a new draft
     * convoy of this id, with the same dates.
     */
    static ObjectNode californiaCopy(ObjectNode california, String id) {
        ObjectNode copy = JSON.createObjectNode();
        copy.put("id", id).put("copyFrom", "california-2023");
        copy.set("names", JSON.readTree("{\"es\": \"Copia " + id + "\", \"en\": \"Copy " + id + "\"}"));
        for (String field : List.of("startsOn", "endsOn", "cities", "days", "travel", "places", "registration",
                "retainUntil")) {
            copy.set(field, california.get(field));
        }
        return copy;
    }

    UUID approved(String givenName, List<String> sectors, List<String> axes) {
        return approved(givenName, sectors, axes, "es");
    }

    UUID approved(String givenName, List<String> sectors, List<String> axes, String language) {
        UUID id = registered(givenName, sectors, axes, language);
        approve(id);
        return id;
    }

    /** Approved delegates, each waited for until scheduling knows them as approved. */
    List<UUID> approvedCohort(int size, List<String> sectors, List<String> axes) {
        List<UUID> ids = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            ids.add(approved("Delegate" + i, sectors, axes));
        }
        awaitApproved(ids);
        return ids;
    }

    void awaitApproved(List<UUID> ids) {
        await().atMost(Duration.ofSeconds(30)).until(() -> ids.stream().allMatch(id -> delegates.findById(id)
                .map(ScheduledDelegate::schedulable).orElse(false)));
    }

    /** A host of this test alone, in a city, receiving delegations 08:00–20:00 on every day of the convoy. */
    String host(String city, int roomCapacity) {
        String hostId = "t-" + UUID.randomUUID().toString().substring(0, 8);
        HttpResponse<String> response = Http.postJson(base + "/hosts", hostJson(hostId, city, roomCapacity,
                "Test venue " + hostId), TOKEN);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        return hostId;
    }

    static String hostJson(String hostId, String city, int roomCapacity, String address) {
        String windows = String.join(",", List.of("2023-02-27", "2023-02-28", "2023-03-01", "2023-03-02", "2023-03-03")
                .stream().map(day -> "{\"startsAt\": \"%sT08:00:00-08:00\", \"endsAt\": \"%sT20:00:00-08:00\"}"
                        .formatted(day, day)).toList());
        return """
                {"hostId": "%s", "name": "Host %s", "venue": {"name": "Venue %s", "address": "%s", "city": "%s",
                 "roomCapacity": %d}, "sectors": ["CINEMATOGRAPHY"], "axes": ["CREATIVE_INDUSTRIES"],
                 "availability": [%s]}""".formatted(hostId, hostId, hostId, address, city, roomCapacity, windows);
    }

    HttpResponse<String> draft(String hostId, String startsAt, String endsAt, List<UUID> attendees) {
        return Http.postJson(base + "/meetings", meeting(hostId, startsAt, endsAt, attendees), TOKEN);
    }

    UUID drafted(String hostId, String startsAt, String endsAt, List<UUID> attendees) {
        HttpResponse<String> response = draft(hostId, startsAt, endsAt, attendees);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        return UUID.fromString(json(response).get("id").asString());
    }

    HttpResponse<String> confirm(UUID meetingId) {
        return Http.postJson(base + "/meetings/" + meetingId + "/confirmation", "", TOKEN);
    }

    UUID confirmed(String hostId, String startsAt, String endsAt, List<UUID> attendees) {
        UUID id = drafted(hostId, startsAt, endsAt, attendees);
        HttpResponse<String> response = confirm(id);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return id;
    }

    HttpResponse<String> put(String path, String body) {
        return Http.send("PUT", base + path, body, TOKEN);
    }

    HttpResponse<String> delete(String path) {
        return Http.send("DELETE", base + path, null, TOKEN);
    }

    HttpResponse<String> get(String path) {
        return Http.get(base + path, TOKEN);
    }

    static String meeting(String hostId, String startsAt, String endsAt, List<UUID> attendees) {
        return """
                {"hostId": "%s", "startsAt": "%s", "endsAt": "%s", "axis": "CREATIVE_INDUSTRIES",
                 "sector": "CINEMATOGRAPHY", "title": "Filming in Jalisco", "attendeeIds": [%s]}"""
                .formatted(hostId, startsAt, endsAt, String.join(",", attendees.stream().map(id -> "\"" + id + "\"")
                        .toList()));
    }

    static JsonNode json(HttpResponse<String> response) {
        return JSON.readTree(response.body());
    }

    /** The conflict codes of a 409 answer. */
    static List<String> conflictCodes(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(409);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        List<String> codes = new ArrayList<>();
        json(response).get("conflicts").forEach(conflict -> codes.add(conflict.get("code").asString()));
        return codes;
    }

    /** A problem+json answer with this status, naming {@code field} among its errors (unless null). */
    static void assertProblem(HttpResponse<String> response, int status, String field) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        if (field != null) {
            List<String> fields = new ArrayList<>();
            json(response).get("errors").forEach(error -> fields.add(error.get("field").asString()));
            assertThat(fields).contains(field);
        }
    }
}
