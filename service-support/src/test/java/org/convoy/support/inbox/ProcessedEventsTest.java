package org.convoy.support.inbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.UUID;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import org.bson.Document;
import org.convoy.support.test.MongoWireStore;
import org.convoy.support.test.MutableClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * The marks of handled events are forgotten after the time they are kept for, and not before, on the MongoDB-wire
 * store (which has no TTL monitor; on MongoDB the TTL index declared here removes them as well).
 */
class ProcessedEventsTest {

    private static final Duration KEEP_FOR = Duration.ofDays(30);

    private final MutableClock clock = new MutableClock();
    private MongoClient client;
    private MongoTemplate mongo;
    private ProcessedEvents processed;

    @BeforeEach
    void connect() {
        String database = "processed-" + UUID.randomUUID().toString().substring(0, 8);
        client = MongoClients.create(MongoWireStore.connectionString(database));
        mongo = new MongoTemplate(client, database);
        processed = new ProcessedEvents(mongo, KEEP_FOR, Duration.ofHours(1), clock);
        processed.afterSingletonsInstantiated();
    }

    @AfterEach
    void disconnect() {
        client.close();
    }

    @Test
    void marksOlderThanTheirKeepingTimeAreForgottenAndNewerOnesStay() {
        clock.set(Instant.parse("2026-11-01T10:00:00Z"));
        processed.markProcessed("notification", "old-1", "DelegateRegistered");
        processed.markProcessed("notification", "old-2", "DelegateApproved");
        clock.set(Instant.parse("2026-11-25T10:00:00Z"));
        processed.markProcessed("notification", "recent", "DelegateApproved");

        clock.set(Instant.parse("2026-12-01T10:00:01Z"));
        assertThat(processed.forgetOlder()).isEqualTo(2);

        assertThat(processed.isProcessed("notification", "old-1")).isFalse();
        assertThat(processed.isProcessed("notification", "old-2")).isFalse();
        assertThat(processed.isProcessed("notification", "recent")).isTrue();
        assertThat(processed.forgetOlder()).as("nothing more to forget").isZero();
    }

    @Test
    void theCollectionDeclaresItsTimeToLive() {
        Document index = mongo.getCollection(ProcessedEvents.COLLECTION).listIndexes().into(new ArrayList<>()).stream()
                .filter(candidate -> "forgotten_after".equals(candidate.getString("name"))).findFirst().orElseThrow();
        assertThat(((Number) index.get("expireAfterSeconds")).longValue()).isEqualTo(KEEP_FOR.toSeconds());
    }
}
