package org.convoy.scheduling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.convoy.scheduling.SchedulingFixture.json;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.convoy.scheduling.delegate.domain.ScheduledDelegateRepository;
import org.convoy.support.test.Http;
import org.convoy.support.test.TestTokens;
import org.convoy.support.test.MutableClock;
import org.convoy.support.test.ServiceIntegrationTest;
import org.convoy.support.test.TestEventPublisher;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.TestPropertySource;

import tools.jackson.databind.JsonNode;

/**
 * Matchmaking on the seed convoy (its 17 hosts in three cities) with 75 approved delegates. This class has its own
 * context, hence its own database: the agenda it confirms neither depends on nor disturbs other tests' meetings.
 */
@ServiceIntegrationTest
@Import(MutableClock.Config.class)
@TestPropertySource(properties = "convoy.test.context=draft-agenda")
class DraftAgendaIT {

    static final String TOKEN = TestTokens.organizer();

    private static final Logger log = LoggerFactory.getLogger(DraftAgendaIT.class);
    private static final List<String> DAYS = List.of("2023-02-27", "2023-02-28", "2023-03-01", "2023-03-02",
            "2023-03-03");
    private static final List<List<String>> INTERESTS = List.of(
            List.of("CINEMATOGRAPHY"), List.of("FINTECH"), List.of("AUTOMOTIVE", "FINTECH"), List.of("BIOMEDICAL"),
            List.of("DIASPORA_LINKS"), List.of("AGRIBUSINESS", "FINTECH"), List.of("TOURISM", "CINEMATOGRAPHY"));
    private static final List<List<String>> AXES = List.of(List.of("ECONOMIC"), List.of("CREATIVE_INDUSTRIES"),
            List.of("COMMUNITIES", "DIPLOMACY"));

    @Autowired
    TestEventPublisher events;

    @Autowired
    ScheduledDelegateRepository delegates;

    @LocalServerPort
    int port;

    @Test
    void theDraftedAgendaOfEveryConvoyDayConfirmsWithoutASingleConflict() {
        SchedulingFixture fixture = new SchedulingFixture(events, delegates, port);
        List<UUID> approved = new ArrayList<>();
        for (int i = 0; i < 75; i++) {
            approved.add(fixture.approved("Delegate" + i, INTERESTS.get(i % INTERESTS.size()), AXES.get(i % AXES.size())));
        }
        fixture.awaitApproved(approved);
        assertThat(json(fixture.get("/hosts"))).hasSizeGreaterThanOrEqualTo(15);

        Set<String> hostsMet = new HashSet<>();
        Set<String> placed = new HashSet<>();
        int confirmedMeetings = 0;
        for (String day : DAYS) {
            HttpResponse<String> drafted = Http.postJson(fixture.base() + "/days/" + day + "/draft-agenda",
                    "{\"meetingMinutes\": 60, \"minCohort\": 3}", TOKEN);
            assertThat(drafted.statusCode()).as(drafted.body()).isEqualTo(201);
            JsonNode agenda = json(drafted);
            log.info("Drafted {}: {} meetings, {} of {} delegates placed, in {} ms", day, agenda.get("drafts").size(),
                    agenda.get("delegatesPlaced").asInt(), agenda.get("approvedDelegates").asInt(),
                    agenda.get("tookMillis").asLong());
            assertThat(agenda.get("drafts")).as("meetings drafted on %s", day).isNotEmpty();
            for (JsonNode draft : agenda.get("drafts")) {
                assertThat(draft.get("conflicts")).isEmpty();
                assertThat(draft.get("attendees").size()).isBetween(3, draft.get("attendees").size());
                HttpResponse<String> confirmed = fixture.confirm(UUID.fromString(draft.get("id").asString()));
                assertThat(confirmed.statusCode()).as(confirmed.body()).isEqualTo(200);
                confirmedMeetings++;
                hostsMet.add(draft.get("hostId").asString());
                draft.get("attendees").forEach(attendee -> placed.add(attendee.get("id").asString()));
            }
        }

        log.info("Convoy drafted and confirmed: {} meetings with {} hosts; {} of {} delegates placed",
                confirmedMeetings, hostsMet.size(), placed.size(), approved.size());
        assertThat(hostsMet).hasSizeGreaterThanOrEqualTo(15);
        assertThat(placed).containsAll(approved.stream().map(UUID::toString).toList());
    }

    @Test
    void suggestionsForAHostPutTheBestFitFirstAndThoseBusyAtThatTimeLast() {
        SchedulingFixture fixture = new SchedulingFixture(events, delegates, port);
        UUID filmAndCreative = fixture.approved("Ana", List.of("CINEMATOGRAPHY"), List.of("CREATIVE_INDUSTRIES"));
        UUID film = fixture.approved("Beto", List.of("CINEMATOGRAPHY"), List.of("ECONOMIC"));
        UUID busy = fixture.approved("Carla", List.of("CINEMATOGRAPHY", "TOURISM"), List.of("CREATIVE_INDUSTRIES"));
        UUID banking = fixture.approved("Dario", List.of("FINTECH"), List.of("ECONOMIC"));
        fixture.awaitApproved(List.of(filmAndCreative, film, busy, banking));
        fixture.confirmed(fixture.host("SAN_JOSE", 5), "2023-03-02T10:00:00-08:00", "2023-03-02T11:00:00-08:00",
                List.of(busy));

        JsonNode suggestions = json(fixture.get("/hosts/netflix/suggestions?startsAt=2023-03-02T10:30:00-08:00"
                + "&endsAt=2023-03-02T11:30:00-08:00"));

        List<String> order = new ArrayList<>();
        suggestions.forEach(suggestion -> order.add(suggestion.get("delegateId").asString()));
        assertThat(order).doesNotContain(banking.toString());
        assertThat(order.indexOf(filmAndCreative.toString())).isLessThan(order.indexOf(film.toString()));
        assertThat(order.indexOf(film.toString())).isLessThan(order.indexOf(busy.toString()));
        JsonNode carla = suggestions.get(order.indexOf(busy.toString()));
        assertThat(carla.get("available").asBoolean()).isFalse();
        assertThat(carla.get("conflicts").get(0).get("code").asString()).isEqualTo("DELEGATE_DOUBLE_BOOKED");
        assertThat(suggestions.get(order.indexOf(filmAndCreative.toString())).get("score").asInt()).isEqualTo(3);
    }
}
