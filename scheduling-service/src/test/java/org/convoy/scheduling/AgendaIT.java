package org.convoy.scheduling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.convoy.support.test.Calendars.onlyEvent;
import static org.convoy.support.test.Calendars.start;
import static org.convoy.support.test.Calendars.value;
import static org.convoy.scheduling.SchedulingFixture.json;

import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.component.VEvent;
import org.convoy.scheduling.delegate.domain.ScheduledDelegateRepository;
import org.convoy.support.links.PersonalLinks;
import org.convoy.support.test.Calendars;
import org.convoy.support.test.Http;
import org.convoy.support.test.TestSecrets;
import org.convoy.support.test.TestTokens;
import org.convoy.support.test.MutableClock;
import org.convoy.support.test.ServiceIntegrationTest;
import org.convoy.support.test.TestEventPublisher;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;

import tools.jackson.databind.JsonNode;

/** Agendas for delegates, hosts and organizers; a calendar feed that follows changes; visitor lists for hosts. */
@ServiceIntegrationTest
@Import(MutableClock.Config.class)
class AgendaIT {

    static final String TOKEN = TestTokens.organizer();

    @Autowired
    TestEventPublisher events;

    @Autowired
    ScheduledDelegateRepository delegates;

    @Autowired
    MutableClock clock;

    @LocalServerPort
    int port;

    SchedulingFixture fixture;

    @BeforeEach
    void setUp() {
        fixture = new SchedulingFixture(events, delegates, port);
    }

    @Test
    void aDelegatesAgendaListsEveryConvoyDayWithItsCitiesAndTheirConfirmedMeetingsInPacificTime() {
        UUID maria = fixture.approved("Maria", List.of("CINEMATOGRAPHY"), List.of());
        fixture.awaitApproved(List.of(maria));
        String host = fixture.host("SAN_JOSE", 10);
        UUID meetingId = fixture.confirmed(host, "2023-03-01T16:00:00-08:00", "2023-03-01T17:00:00-08:00", List.of(maria));
        fixture.drafted(fixture.host("LOS_ANGELES", 10), "2023-02-27T10:00:00-08:00", "2023-02-27T11:00:00-08:00",
                List.of(maria));

        JsonNode agenda = json(fixture.get("/delegates/" + maria + "/agenda"));

        assertThat(agenda.get("owner").asString()).isEqualTo("Maria Test");
        assertThat(agenda.get("zone").asString()).isEqualTo("America/Los_Angeles");
        assertThat(agenda.get("days")).hasSize(5);
        JsonNode travelDay = agenda.get("days").get(2);
        assertThat(travelDay.get("date").asString()).isEqualTo("2023-03-01");
        assertThat(travelDay.get("cities").toString()).isEqualTo("[\"Los Angeles\",\"San José\"]");
        assertThat(travelDay.get("meetings")).hasSize(1);
        assertThat(travelDay.get("meetings").get(0).get("meetingId").asString()).isEqualTo(meetingId.toString());
        assertThat(travelDay.get("meetings").get(0).get("startsAt").asString()).isEqualTo("2023-03-01T16:00:00-08:00");
        assertThat(agenda.get("days").get(0).get("meetings")).as("drafts are not on anyone's agenda").isEmpty();
    }

    @Test
    void theCalendarFeedKeepsOneUidPerMeetingAndRaisesItsSequenceWhenItMovesOrIsCancelled() throws Exception {
        UUID maria = fixture.approved("Maria", List.of("CINEMATOGRAPHY"), List.of());
        fixture.awaitApproved(List.of(maria));
        String host = fixture.host("LOS_ANGELES", 10);
        UUID meetingId = fixture.confirmed(host, "2023-02-28T10:00:00-08:00", "2023-02-28T11:00:00-08:00",
                List.of(maria));

        VEvent confirmed = onlyEvent(calendar(maria));
        assertThat(value(confirmed, Property.UID)).isEqualTo(meetingId + "@convoy");
        assertThat(value(confirmed, Property.SEQUENCE)).isEqualTo("0");
        assertThat(value(confirmed, Property.STATUS)).isEqualTo("CONFIRMED");
        assertThat(start(confirmed).toInstant()).isEqualTo(Instant.parse("2023-02-28T18:00:00Z"));
        assertThat(value(confirmed, Property.LOCATION)).contains("Venue " + host);

        assertThat(fixture.put("/meetings/" + meetingId, SchedulingFixture.meeting(host, "2023-02-28T11:00:00-08:00",
                "2023-02-28T12:00:00-08:00", List.of(maria))).statusCode()).isEqualTo(200);
        VEvent moved = onlyEvent(calendar(maria));
        assertThat(value(moved, Property.UID)).isEqualTo(meetingId + "@convoy");
        assertThat(value(moved, Property.SEQUENCE)).isEqualTo("1");
        assertThat(start(moved).toLocalTime()).hasToString("11:00");

        assertThat(Http.postJson(fixture.base() + "/meetings/" + meetingId + "/cancellation",
                "{\"reason\": \"Host unavailable\"}", TOKEN).statusCode()).isEqualTo(200);
        VEvent cancelled = onlyEvent(calendar(maria));
        assertThat(value(cancelled, Property.SEQUENCE)).isEqualTo("2");
        assertThat(value(cancelled, Property.STATUS)).isEqualTo("CANCELLED");
    }

    @Test
    void theCalendarFeedSpeaksTheDelegatesLanguageWithTheConvoyAndSectorsByName() throws Exception {
        UUID elena = fixture.approved("Elena", List.of("CINEMATOGRAPHY"), List.of(), "es");
        UUID grace = fixture.approved("Grace", List.of("CINEMATOGRAPHY"), List.of(), "en");
        fixture.awaitApproved(List.of(elena, grace));
        String host = fixture.host("LOS_ANGELES", 10);
        fixture.confirmed(host, "2023-02-27T10:00:00-08:00", "2023-02-27T11:00:00-08:00", List.of(elena, grace));

        String spanish = value(onlyEvent(calendar(elena)), Property.DESCRIPTION);
        String english = value(onlyEvent(calendar(grace)), Property.DESCRIPTION);

        assertThat(spanish).contains("Cinematografía", "Industrias creativas",
                "Convoy para la Internacionalización de los Municipios Mexicanos — California 2023");
        assertThat(english).contains("Cinematography", "Creative industries",
                "Convoy for the Internationalization of Mexican Municipalities — California 2023");
        assertThat(spanish + english).doesNotContain("CINEMATOGRAPHY", "CREATIVE_INDUSTRIES");
        assertThat(json(fixture.get("/delegates/" + grace + "/agenda")).get("convoyName").asString())
                .isEqualTo("Convoy for the Internationalization of Mexican Municipalities — California 2023");
    }

    @Test
    void hostsAndOrganizersSeeTheirAgendas() {
        List<UUID> cohort = fixture.approvedCohort(2, List.of("CINEMATOGRAPHY"), List.of());
        String host = fixture.host("SAN_FRANCISCO", 10);
        UUID meetingId = fixture.confirmed(host, "2023-03-03T09:00:00-08:00", "2023-03-03T10:00:00-08:00", cohort);

        JsonNode hostAgenda = json(fixture.get("/hosts/" + host + "/agenda"));
        JsonNode day = json(fixture.get("/days/2023-03-03/agenda?city=SAN_FRANCISCO"));
        JsonNode otherCity = json(fixture.get("/days/2023-03-03/agenda?city=LOS_ANGELES"));

        assertThat(hostAgenda.get("days").get(4).get("meetings").get(0).get("attendees").asInt()).isEqualTo(2);
        assertThat(day.get("days")).hasSize(1);
        assertThat(day.get("days").get(0).get("meetings").findValuesAsString("meetingId")).contains(meetingId.toString());
        assertThat(otherCity.get("days").get(0).get("meetings").findValuesAsString("meetingId"))
                .doesNotContain(meetingId.toString());
        assertThat(fixture.get("/days/2023-03-09/agenda").statusCode()).isEqualTo(404);
    }

    @Test
    void visitorListsShowOrganizationAndPositionOnlyForDelegatesWhoAgreedToShareThem() {
        UUID sharing = fixture.approved("Sofia", List.of("FINTECH"), List.of());
        UUID private_ = fixture.approved("Pablo", List.of("FINTECH"), List.of());
        fixture.awaitApproved(List.of(sharing, private_));
        String host = fixture.host("LOS_ANGELES", 10);
        UUID meetingId = fixture.confirmed(host, "2023-02-27T17:00:00-08:00", "2023-02-27T18:00:00-08:00",
                List.of(sharing, private_));

        JsonNode list = json(fixture.get("/meetings/" + meetingId + "/visitors"));
        HttpResponse<String> csv = fixture.get("/meetings/" + meetingId + "/visitors.csv");
        HttpResponse<String> page = fixture.get("/meetings/" + meetingId + "/visitors.html");
        HttpResponse<String> hostCsv = fixture.get("/hosts/" + host + "/visitors.csv");

        assertThat(list.get("visitors").findValuesAsString("name")).containsExactlyInAnyOrder("Sofia Test", "Pablo Test");
        assertThat(csv.headers().firstValue("Content-Type")).hasValue("text/csv;charset=UTF-8");
        assertThat(csv.body()).startsWith("\uFEFFdate,starts,ends,zone,host,venue,address,name,organization,position")
                .contains("2023-02-27,17:00,18:00,America/Los_Angeles")
                .contains("Sofia Test,Municipio de Sofia,Presidente Municipal")
                .contains("Pablo Test,,\r\n")
                .doesNotContain("Municipio de Pablo").doesNotContain("@example.mx");
        assertThat(page.headers().firstValue("Content-Type")).hasValue("text/html;charset=UTF-8");
        assertThat(page.body()).contains("<td>Sofia Test</td><td>Municipio de Sofia</td>")
                .contains("<td>Pablo Test</td><td></td>").doesNotContain("Municipio de Pablo")
                .contains("/api/scheduling/assets/visitors.css").doesNotContain("<style");
        assertThat(hostCsv.body()).contains("Sofia Test", "Pablo Test");
        assertThat(fixture.get("/meetings/" + fixture.drafted(host, "2023-02-28T17:00:00-08:00",
                "2023-02-28T18:00:00-08:00", List.of(sharing)) + "/visitors").statusCode())
                .as("no visitor list before confirmation").isEqualTo(409);
    }

    @Test
    void aVisitorsNameCannotInjectMarkupIntoThePrintedList() {
        UUID id = fixture.approved("<script>alert(1)</script>", List.of("FINTECH"), List.of());
        fixture.awaitApproved(List.of(id));
        UUID meetingId = fixture.confirmed(fixture.host("LOS_ANGELES", 10), "2023-02-27T08:00:00-08:00",
                "2023-02-27T09:00:00-08:00", List.of(id));

        String page = fixture.get("/meetings/" + meetingId + "/visitors.html").body();

        assertThat(page).doesNotContain("<script>").contains("&lt;script&gt;alert(1)&lt;/script&gt;");
    }

    @Test
    void aDelegatesSessionOpensHerOwnAgendaAndHerFeedsTokenOnlyHerCalendar() {
        UUID ana = fixture.approved("Ana", List.of("FINTECH"), List.of());
        UUID beto = fixture.approved("Beto", List.of("FINTECH"), List.of());
        fixture.awaitApproved(List.of(ana, beto));
        PersonalLinks links = new PersonalLinks(TestSecrets.LINK, clock);
        String anasSession = links.session(ana, clock.instant().plus(Duration.ofDays(1)));
        String anasFeed = links.calendar(ana);
        String agenda = fixture.base() + "/delegates/" + ana + "/agenda";

        assertThat(Http.send(HttpRequest.newBuilder(URI.create(agenda)).header(PersonalLinks.HEADER, anasSession).GET())
                .statusCode()).isEqualTo(200);
        assertThat(Http.get(fixture.base() + "/delegates/" + ana + "/agenda.ics?token=" + anasFeed).statusCode())
                .as("a calendar app subscribes with the feed's own token in the address").isEqualTo(200);
        assertThat(Http.send(HttpRequest.newBuilder(URI.create(agenda)).header(PersonalLinks.HEADER, anasFeed).GET())
                .statusCode()).as("the feed's token opens no agenda page").isEqualTo(401);
        assertThat(Http.get(fixture.base() + "/delegates/" + ana + "/agenda.ics?token=" + anasSession).statusCode())
                .as("a session is no feed token").isEqualTo(401);
        assertThat(Http.send(HttpRequest.newBuilder(URI.create(fixture.base() + "/delegates/" + beto + "/agenda"))
                .header(PersonalLinks.HEADER, anasSession).GET()).statusCode()).as("another delegate's agenda")
                .isEqualTo(403);
        assertThat(Http.get(fixture.base() + "/delegates/" + beto + "/agenda.ics?token=" + anasFeed).statusCode())
                .isEqualTo(403);
        assertThat(Http.get(agenda).statusCode()).isEqualTo(401);
        assertThat(Http.send(HttpRequest.newBuilder(URI.create(agenda))
                .header(PersonalLinks.HEADER, anasSession.substring(0, anasSession.length() - 2) + "xx").GET())
                .statusCode()).isEqualTo(401);
        assertThat(Http.send(HttpRequest.newBuilder(URI.create(agenda)).header(PersonalLinks.HEADER,
                links.session(ana, clock.instant().minusSeconds(60))).GET()).statusCode()).as("expired").isEqualTo(401);
        assertThat(Http.send(HttpRequest.newBuilder(URI.create(fixture.base() + "/meetings"))
                .header(PersonalLinks.HEADER, anasSession).GET()).statusCode()).as("organizer calls").isEqualTo(401);
    }

    private Calendar calendar(UUID delegateId) throws Exception {
        HttpResponse<String> feed = fixture.get("/delegates/" + delegateId + "/agenda.ics");
        assertThat(feed.statusCode()).isEqualTo(200);
        assertThat(feed.headers().firstValue("Content-Type")).hasValue("text/calendar;charset=UTF-8");
        return Calendars.read(feed.body());
    }
}
