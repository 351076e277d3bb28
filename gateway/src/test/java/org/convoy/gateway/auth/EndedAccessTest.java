package org.convoy.gateway.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import com.mongodb.reactivestreams.client.MongoClient;
import com.mongodb.reactivestreams.client.MongoClients;
import org.convoy.events.OrganizerAccessEnded;
import org.convoy.gateway.MovableClock;
import org.convoy.gateway.TestMongo;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;

/** The gateway's marks of ended access, on the MongoDB-wire store: what they refuse, share, delay and forget. */
class EndedAccessTest {

    private static final Instant ENDED = Instant.parse("2027-03-01T10:00:00.400Z");
    private static final Duration LIFETIME = Duration.ofMinutes(15);

    private final MovableClock clock = new MovableClock(ENDED);
    private MongoClient client;
    private ReactiveMongoTemplate mongo;

    @BeforeEach
    void connect() {
        String database = "ended-" + UUID.randomUUID().toString().substring(0, 8);
        client = MongoClients.create(TestMongo.connectionString(database));
        mongo = new ReactiveMongoTemplate(client, database);
    }

    @AfterEach
    void disconnect() {
        client.close();
    }

    @Test
    void refusesHerTokensIssuedUntilTheEndingAndNoLaterOnesNorOthers() {
        EndedAccess ended = endedAccess();

        assertThat(ended.end("lucia", OrganizerAccessEnded.DISABLED).block()).isEqualTo(ENDED);

        assertThat(ended.refuses("lucia", ENDED.minusSeconds(600))).isTrue();
        assertThat(ended.refuses("lucia", Instant.parse("2027-03-01T10:00:00Z"))).as("same second").isTrue();
        assertThat(ended.refuses("lucia", null)).as("a token that does not say when it was issued").isTrue();
        assertThat(ended.refuses("lucia", Instant.parse("2027-03-01T10:00:01Z"))).isFalse();
        assertThat(ended.refuses("ana", ENDED.minusSeconds(600))).isFalse();
    }

    @Test
    void aLoginInTheSecondOfTheEndingWaitsForTheNextWholeSecond() {
        EndedAccess ended = endedAccess();
        ended.end("lucia", OrganizerAccessEnded.PASSWORD_CHANGED).block();

        assertThat(ended.waitBeforeIssuing("lucia").block()).isEqualTo(Duration.ofMillis(600));
        clock.move(Duration.ofMillis(600));
        assertThat(ended.waitBeforeIssuing("lucia").block()).isZero();
        assertThat(ended.waitBeforeIssuing("ana").block()).as("never ended").isZero();
    }

    @Test
    void anotherGatewayInstanceLearnsTheEndingAtItsNextRefresh() {
        EndedAccess here = endedAccess();
        EndedAccess there = endedAccess();

        here.end("lucia", OrganizerAccessEnded.REMOVED).block();
        assertThat(there.refuses("lucia", ENDED.minusSeconds(5))).isFalse();
        there.refresh().block();

        assertThat(there.refuses("lucia", ENDED.minusSeconds(5))).isTrue();
        assertThat(there.waitBeforeIssuing("lucia").block()).as("read from the store").isPositive();
    }

    @Test
    void forgetsTheEndingOnceEveryTokenItCoversHasExpired() {
        EndedAccess ended = endedAccess();
        ended.end("lucia", OrganizerAccessEnded.DISABLED).block();

        clock.move(LIFETIME.plusSeconds(30));
        ended.refresh().block();
        assertThat(ended.refuses("lucia", ENDED.minusSeconds(1))).as("within the checks' clock skew").isTrue();

        clock.move(Duration.ofMinutes(1));
        ended.refresh().block();
        EndedAccess restarted = endedAccess();
        restarted.refresh().block();
        assertThat(ended.refuses("lucia", ENDED.minusSeconds(1))).isFalse();
        assertThat(restarted.refuses("lucia", ENDED.minusSeconds(1))).isFalse();
    }

    private EndedAccess endedAccess() {
        return new EndedAccess(mongo, clock, LIFETIME, Duration.ofSeconds(1));
    }
}
