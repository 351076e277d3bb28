package org.convoy.registration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.convoy.events.EventCodec;
import org.convoy.events.RegistrationLinkIssued;
import org.convoy.registration.delegate.SelfServiceLinks;
import org.convoy.support.links.LinkCodes;
import org.convoy.support.test.EventProbe;
import org.convoy.support.test.Http;
import org.convoy.support.test.MutableClock;
import org.convoy.support.test.ProblemAssertions;
import org.convoy.support.test.ServiceIntegrationTest;
import org.convoy.support.test.TestSecrets;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;

import tools.jackson.databind.json.JsonMapper;

/**
 * Personal links as delegates expect a magic link to behave: a one-time code, kept only as a hash, that expires, is used
 * up when opened and exchanged for a session; a newer link ends the older one; no event carries a usable credential;
 * the calendar feed has a token of its own that opens nothing else.
 */
@ServiceIntegrationTest
@Import(MutableClock.Config.class)
class PersonalLinkIT {

    private final JsonMapper json = JsonMapper.builder().build();
    private final LinkCodes codes = new LinkCodes(TestSecrets.LINK);

    @LocalServerPort
    int port;

    @Autowired
    EventProbe events;

    @Autowired
    MutableClock clock;

    @BeforeEach
    void now() {
        clock.set(MutableClock.BEFORE_CONVOY);
    }

    @Test
    void aLinkOpensOnceAndItsSessionOpensTheDelegatesOwnRegistration() {
        UUID delegate = register("once");
        String code = codes.code(delegate, nonces(delegate, 1).get(0));

        HttpResponse<String> opened = open(code);
        HttpResponse<String> again = open(code);

        assertThat(opened.statusCode()).as(opened.body()).isEqualTo(201);
        assertThat(opened.headers().firstValue("Cache-Control")).hasValueSatisfying(
                value -> assertThat(value).contains("no-store"));
        String session = json.readTree(opened.body()).path("token").asString();
        HttpResponse<String> mine = self(session);
        assertThat(mine.statusCode()).isEqualTo(200);
        assertThat(json.readTree(mine.body()).path("delegateId").asString()).isEqualTo(delegate.toString());
        ProblemAssertions.assertProblem(again, 401, "Link not valid");
    }

    @Test
    void askingForANewLinkEndsTheOneSentBefore() {
        UUID delegate = register("again");
        String first = codes.code(delegate, nonces(delegate, 1).get(0));

        assertThat(Http.postJson(url("/api/registrations/link-requests"),
                "{\"convoyId\":\"california-2023\",\"email\":\"" + emails.get(delegate) + "\"}").statusCode())
                .isEqualTo(202);
        String second = codes.code(delegate, nonces(delegate, 2).get(1));

        ProblemAssertions.assertProblem(open(first), 401, "Link not valid");
        assertThat(open(second).statusCode()).isEqualTo(201);
    }

    @Test
    void aLinkNotOpenedInTimeHasExpired() {
        UUID delegate = register("late");
        String code = codes.code(delegate, nonces(delegate, 1).get(0));

        clock.set(MutableClock.BEFORE_CONVOY.plus(Duration.ofDays(7)).plusSeconds(60));

        ProblemAssertions.assertProblem(open(code), 401, "Link not valid");
    }

    @Test
    void noEventCarriesAUsableCredential() {
        UUID delegate = register("kafka");
        String nonce = nonces(delegate, 1).get(0);
        String code = codes.code(delegate, nonce);

        for (ConsumerRecord<String, byte[]> record : events.recordsWithKey(delegate.toString())) {
            assertThat(new String(record.value(), StandardCharsets.UTF_8)).doesNotContain(code, "token=", "code=");
        }
        ProblemAssertions.assertProblem(open(nonce), 401, "Link not valid");
        assertThat(open(code).statusCode()).as("the code made with the link secret opens it").isEqualTo(201);
    }

    @Test
    void theCalendarFeedsTokenOpensThatFeedAndNothingElse() {
        UUID delegate = register("feed");
        String session = json.readTree(open(codes.code(delegate, nonces(delegate, 1).get(0))).body()).path("token")
                .asString();
        String feed = json.readTree(self(session).body()).path("calendarFeed").asString();
        String feedToken = feed.substring(feed.indexOf("?token=") + "?token=".length());

        assertThat(feed).startsWith("http://localhost:8080/api/scheduling/convoys/california-2023/delegates/" + delegate
                + "/agenda.ics?token=c1.");
        assertThat(self(feedToken).statusCode()).as("the feed's token opens no registration").isEqualTo(401);
        assertThat(Http.send("PUT", url("/api/registrations/self"), "{}", null).statusCode()).isEqualTo(401);
    }

    private final Map<UUID, String> emails = new ConcurrentHashMap<>();

    private UUID register(String who) {
        String email = who + "." + UUID.randomUUID().toString().substring(0, 8) + "@zapopan.gob.mx";
        HttpResponse<String> response = Http.postJson(url("/api/registrations"), RegistrationRequests.mayor(email));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        UUID delegate = UUID.fromString(json.readTree(response.body()).path("id").asString());
        emails.put(delegate, email);
        return delegate;
    }

    /** The nonces of the links issued to the delegate so far, once there are at least {@code count}. */
    private List<String> nonces(UUID delegate, int count) {
        await().atMost(Duration.ofSeconds(20)).until(() -> linkEvents(delegate).size() >= count);
        return linkEvents(delegate).stream().map(RegistrationLinkIssued::linkNonce).toList();
    }

    private List<RegistrationLinkIssued> linkEvents(UUID delegate) {
        return events.recordsWithKey(delegate.toString()).stream()
                .filter(record -> "RegistrationLinkIssued".equals(EventProbe.header(record, "eventType")))
                .map(record -> new EventCodec().read(record.value(), RegistrationLinkIssued.class)).toList();
    }

    private HttpResponse<String> open(String code) {
        return Http.postJson(url("/api/registrations/sessions"), "{\"code\":\"" + code + "\"}");
    }

    private HttpResponse<String> self(String session) {
        return Http.send(HttpRequest.newBuilder(URI.create(url("/api/registrations/self")))
                .header(SelfServiceLinks.HEADER, session).GET());
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }
}
