package org.convoy.support.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import org.convoy.events.OrganizerAccessEnded;
import org.convoy.support.test.MongoWireStore;
import org.convoy.support.test.MutableClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.MongoTemplate;

/** Ended access on the MongoDB-wire store: which tokens it refuses, what instances share, and when it is forgotten. */
class EndedAccessTest {

    private static final Instant ENDED = Instant.parse("2027-03-01T10:00:00.400Z");

    private MongoClient client;
    private MongoTemplate mongo;
    private final MutableClock clock = new MutableClock();

    @BeforeEach
    void connect() {
        String database = "ended-" + UUID.randomUUID().toString().substring(0, 8);
        client = MongoClients.create(MongoWireStore.connectionString(database));
        mongo = new MongoTemplate(client, database);
        clock.set(ENDED.plusSeconds(1));
    }

    @AfterEach
    void disconnect() {
        client.close();
    }

    @Test
    void refusesHerTokensIssuedUntilTheEndingAndNoLaterOnesNorOthers() {
        EndedAccess ended = new EndedAccess(mongo, clock, Duration.ofSeconds(1));

        ended.accessEnded(ending("lucia", ENDED));

        assertThat(ended.refuses("lucia", ENDED.minusSeconds(600))).isTrue();
        assertThat(ended.refuses("lucia", Instant.parse("2027-03-01T10:00:00Z"))).as("same second, earlier").isTrue();
        assertThat(ended.refuses("lucia", ENDED)).isTrue();
        assertThat(ended.refuses("lucia", null)).as("a token that does not say when it was issued").isTrue();
        assertThat(ended.refuses("lucia", Instant.parse("2027-03-01T10:00:01Z"))).isFalse();
        assertThat(ended.refuses("ana", ENDED.minusSeconds(600))).isFalse();
        assertThat(ended.refuses(null, ENDED.minusSeconds(600))).isFalse();
    }

    @Test
    void anotherInstanceLearnsTheEndingFromTheStore() {
        EndedAccess heard = new EndedAccess(mongo, clock, Duration.ofSeconds(1));
        EndedAccess other = new EndedAccess(mongo, clock, Duration.ofSeconds(1));

        heard.accessEnded(ending("lucia", ENDED));
        other.refresh();

        assertThat(other.refuses("lucia", ENDED.minusSeconds(5))).isTrue();
    }

    @Test
    void theLatestEndingHoldsWhateverOrderTheyArriveIn() {
        EndedAccess ended = new EndedAccess(mongo, clock, Duration.ofSeconds(1));
        EndedAccess other = new EndedAccess(mongo, clock, Duration.ofSeconds(1));

        ended.accessEnded(ending("lucia", ENDED));
        ended.accessEnded(ending("lucia", ENDED.minusSeconds(300)));
        other.refresh();

        assertThat(ended.refuses("lucia", ENDED.minusSeconds(1))).isTrue();
        assertThat(other.refuses("lucia", ENDED.minusSeconds(1))).isTrue();
    }

    @Test
    void forgetsTheEndingOnceEveryTokenItCoversHasExpired() {
        EndedAccess ended = new EndedAccess(mongo, clock, Duration.ofSeconds(1));
        ended.accessEnded(ending("lucia", ENDED));

        clock.set(ENDED.plus(Duration.ofMinutes(15)).plusSeconds(30));
        ended.refresh();
        assertThat(ended.refuses("lucia", ENDED.minusSeconds(1))).as("within the checks' clock skew").isTrue();

        clock.set(ENDED.plus(Duration.ofMinutes(17)));
        ended.refresh();
        EndedAccess later = new EndedAccess(mongo, clock, Duration.ofSeconds(1));
        later.refresh();
        assertThat(ended.refuses("lucia", ENDED.minusSeconds(1))).isFalse();
        assertThat(later.refuses("lucia", ENDED.minusSeconds(1))).isFalse();
    }

    private static OrganizerAccessEnded ending(String username, Instant endedAt) {
        return new OrganizerAccessEnded(UUID.randomUUID(), endedAt, OrganizerAccessEnded.SCHEMA_VERSION, username,
                endedAt, endedAt.plus(Duration.ofMinutes(15)), OrganizerAccessEnded.DISABLED);
    }
}
