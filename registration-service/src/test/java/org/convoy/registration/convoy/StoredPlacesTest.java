package org.convoy.registration.convoy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.convoy.registration.convoy.domain.Convoy.PlaceDecision.HELD;
import static org.convoy.registration.convoy.domain.Convoy.PlaceDecision.WAITLISTED;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.bson.Document;
import org.convoy.registration.convoy.domain.Convoy;
import org.convoy.registration.convoy.domain.Convoy.PlaceDecision;
import org.convoy.support.test.MongoWireStore;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.data.mongodb.test.autoconfigure.DataMongoTest;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.test.context.ContextConfiguration;

/**
 * How the places ledger is stored, on the MongoDB-wire store. Each {@link PlacesLedger} here stands for one instance
 * of the service: instances deciding at the same time never give a place twice, a decision cut short before its
 * places were written is finished by the next reader, and a convoy stored as one document in the earlier shape is
 * read with its places and their order.
 */
@DataMongoTest
@ContextConfiguration(initializers = MongoWireStore.class)
class StoredPlacesTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-03-02T09:00:00Z"), ZoneOffset.UTC);

    @Autowired
    MongoOperations mongo;

    @Test
    void instancesDecidingAtTheSameTimeGiveEachPlaceOnceAndAgreeOnEveryDecision() throws Exception {
        String convoyId = convoy(20, Map.of("MAYOR", 8));
        List<PlacesLedger> instances = List.of(instance(), instance(), instance());
        List<UUID> groups = Collections.synchronizedList(new ArrayList<>());
        Map<UUID, PlaceDecision> told = new java.util.concurrent.ConcurrentHashMap<>();
        Map<UUID, Map<String, Integer>> sizes = new java.util.concurrent.ConcurrentHashMap<>();

        // Four clients per instance, so decisions also wait for each other and are stored together.
        ExecutorService clients = Executors.newFixedThreadPool(12);
        List<Future<?>> running = new ArrayList<>();
        for (int client = 0; client < 12; client++) {
            PlacesLedger ledger = instances.get(client % instances.size());
            int seed = client;
            running.add(clients.submit(() -> {
                for (int i = 0; i < 15; i++) {
                    UUID group = UUID.randomUUID();
                    Map<String, Integer> counts = (seed + i) % 3 == 0 ? Map.of("MAYOR", 1, "STAFF", (i % 3))
                            : Map.of("BUSINESS_DELEGATE", 1 + i % 2);
                    sizes.put(group, counts);
                    groups.add(group);
                    told.put(group, ledger.allocate(convoyId, group, counts));
                }
            }));
        }
        for (Future<?> client : running) {
            client.get();
        }
        clients.shutdown();

        Convoy stored = instance().read(convoyId);
        assertThat(groups).hasSize(180);
        Map<String, Integer> seated = new HashMap<>();
        for (UUID group : groups) {
            assertThat(stored.decisionFor(group)).as("group %s as stored", group).contains(told.get(group));
            if (told.get(group) == HELD) {
                sizes.get(group).forEach((role, n) -> seated.merge(role, n, Integer::sum));
            }
        }
        seated.values().removeIf(n -> n == 0);
        assertThat(stored.placesTaken()).isEqualTo(seated);
        assertThat(seated.values().stream().mapToInt(Integer::intValue).sum()).isLessThanOrEqualTo(20);
        assertThat(seated.getOrDefault("MAYOR", 0)).isLessThanOrEqualTo(8);
        assertThat(told.values()).contains(HELD, WAITLISTED);
    }

    @Test
    void aDecisionCutShortBeforeItsPlacesWereWrittenIsFinishedByTheNextReader() {
        String convoyId = convoy(1, Map.of());
        PlacesLedger first = instance();
        UUID zapopan = UUID.randomUUID();
        UUID guadalajara = UUID.randomUUID();
        first.allocate(convoyId, zapopan, Map.of("MAYOR", 1));
        first.allocate(convoyId, guadalajara, Map.of("MAYOR", 1));
        first.release(convoyId, zapopan, Map.of());
        // The instance stopped after the convoy's head was written and before the places of that decision were.
        mongo.remove(Query.query(Criteria.where("_id").in(zapopan, guadalajara)), StoredPlace.class);

        PlacesLedger next = instance();

        assertThat(next.read(convoyId).decisionFor(guadalajara)).contains(HELD);
        assertThat(next.read(convoyId).decisionFor(zapopan)).isEmpty();
        assertThat(next.pendingPromotions(convoyId)).containsExactly(guadalajara);
        assertThat(mongo.findById(guadalajara, StoredPlace.class).state()).isEqualTo("HELD");
        assertThat(mongo.findById(zapopan, StoredPlace.class).state()).isEqualTo(StoredPlace.GONE);
    }

    @Test
    void aConvoyStoredAsOneDocumentIsReadWithItsPlacesInTheirOrder() {
        String convoyId = "one-document-" + UUID.randomUUID();
        UUID seated = UUID.randomUUID();
        UUID bigGroup = UUID.randomUUID();
        UUID firstSmall = UUID.randomUUID();
        UUID secondSmall = UUID.randomUUID();
        mongo.insert(new Document("_id", convoyId).append("name", "Earlier convoy")
                .append("startsOn", day("2023-02-27")).append("endsOn", day("2023-03-03"))
                .append("retainUntil", day("2024-03-03"))
                .append("capacity", new Document("total", 2).append("byRole", new Document()))
                .append("seats", List.of(earlierPlace(seated, 2, "2023-01-10T10:00:00Z")))
                .append("waitlist", List.of(earlierPlace(bigGroup, 3, "2023-01-11T10:00:00Z"),
                        earlierPlace(firstSmall, 1, "2023-01-12T10:00:00Z"),
                        earlierPlace(secondSmall, 1, "2023-01-13T10:00:00Z")))
                .append("promotions", List.of()).append("version", 7L), StoredConvoy.COLLECTION);
        PlacesLedger ledger = instance();

        assertThat(ledger.read(convoyId).decisionFor(seated)).contains(HELD);
        assertThat(ledger.read(convoyId).waitlistPosition(secondSmall)).isEqualTo(3);
        assertThat(ledger.release(convoyId, seated, Map.of()))
                .as("freed places go to the oldest waiting groups that fit").containsExactly(firstSmall, secondSmall);
        Document head = mongo.findById(convoyId, Document.class, StoredConvoy.COLLECTION);
        assertThat(head).doesNotContainKeys("seats", "waitlist");
        assertThat(instance().read(convoyId).waitlistPosition(bigGroup)).isEqualTo(1);
        UUID newcomer = UUID.randomUUID();
        assertThat(ledger.allocate(convoyId, newcomer, Map.of("MAYOR", 1))).isEqualTo(WAITLISTED);
        assertThat(instance().read(convoyId).waitlistPosition(newcomer)).as("behind the earlier waiting group")
                .isEqualTo(2);
    }

    @Test
    void aConvoyNobodyOpenedIsRefusedAndLeavesNothingBehind() {
        PlacesLedger ledger = instance();
        String madeUp = "no-such-convoy-" + UUID.randomUUID();

        assertThatThrownBy(() -> ledger.allocate(madeUp, UUID.randomUUID(), Map.of("MAYOR", 1)))
                .isInstanceOf(UnknownConvoyException.class);
        assertThat(ledger.heldLedgers()).doesNotContain(madeUp);
        assertThat(mongo.exists(Query.query(Criteria.where("convoyId").is(madeUp)), StoredPlace.class)).isFalse();
    }

    private static Date day(String date) {
        return Date.from(Instant.parse(date + "T00:00:00Z"));
    }

    private Document earlierPlace(UUID groupId, int members, String since) {
        return new Document("groupId", groupId).append("counts", new Document("MAYOR", members))
                .append("since", Date.from(Instant.parse(since)));
    }

    private String convoy(int capacity, Map<String, Integer> byRole) {
        String id = "stored-" + UUID.randomUUID();
        instance().open(Convoy.open(id, "Stored convoy", LocalDate.of(2026, 5, 10), LocalDate.of(2026, 5, 16),
                LocalDate.of(2027, 5, 16), new Convoy.Capacity(capacity, byRole)));
        return id;
    }

    private PlacesLedger instance() {
        return new PlacesLedger(mongo, CLOCK);
    }
}
