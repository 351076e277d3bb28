package org.convoy.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.function.Function;

import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Accumulators;
import com.mongodb.client.model.Aggregates;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;
import de.bwaldvogel.mongo.MongoBackend;
import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.oplog.NoopOplog;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The store's indexes change how a query finds its documents, never which documents it finds: random writes and
 * queries against this store and against mongo-java-server's own give the same answers, over the wire, through
 * the MongoDB driver.
 */
class WireStoreQueriesTest {

    private final List<MongoServer> servers = new ArrayList<>();
    private final List<MongoClient> clients = new ArrayList<>();

    @AfterEach
    void stop() {
        clients.forEach(MongoClient::close);
        servers.forEach(MongoServer::shutdownNow);
    }

    @Test
    void indexedQueriesFindWhatAFullReadFinds() {
        for (long seed = 1; seed <= 6; seed++) {
            compare(seed);
        }
    }

    @Test
    void theSecondaryIndexesAreBuiltAgainWhenTheFileIsOpenedAgain(@TempDir Path directory) {
        Path file = directory.resolve("store.mv");
        MongoServer first = new MongoServer(WireStore.file(file));
        MongoCollection<Document> written = collection(first);
        written.createIndex(Indexes.ascending("members.delegateId"));
        written.createIndex(Indexes.ascending("email"), new IndexOptions().unique(true));
        written.insertOne(new Document("_id", "g1").append("email", "ana@example.org").append("members",
                List.of(new Document("delegateId", "d1"), new Document("delegateId", "d2"))));
        written.insertOne(new Document("_id", "g2").append("members", List.of(new Document("delegateId", "d3"))));
        clients.forEach(MongoClient::close);
        clients.clear();
        first.shutdown();

        MongoCollection<Document> reopened = collection(new MongoServer(WireStore.file(file)));

        assertThat(reopened.find(Filters.eq("members.delegateId", "d2")).first()).extracting(d -> d.get("_id"))
                .isEqualTo("g1");
        reopened.updateOne(Filters.eq("_id", "g1"), Updates.set("members.1.delegateId", "d4"));
        assertThat(reopened.find(Filters.eq("members.delegateId", "d2")).first()).isNull();
        assertThat(reopened.find(Filters.eq("members.delegateId", "d4")).first()).extracting(d -> d.get("_id"))
                .isEqualTo("g1");
        assertThatThrownBy(() -> reopened.insertOne(new Document("_id", "g3").append("email", "ana@example.org")))
                .isInstanceOf(MongoWriteException.class).hasMessageContaining("duplicate key");
        assertThatThrownBy(() -> reopened.insertOne(new Document("_id", "g2")))
                .isInstanceOf(MongoWriteException.class).hasMessageContaining("duplicate key");
    }

    @Test
    void anAggregationThatStartsWithAMatchReadsOnlyWhatTheMatchFinds() {
        MongoBackend backend = WireStore.memory();
        MongoCollection<Document> events = collection(new MongoServer(backend));
        events.insertMany(List.of(new Document("_id", "e1").append("kind", "x"), new Document("_id", "e2")));
        MongoDatabase database = backend.resolveDatabase("test");
        var count = new de.bwaldvogel.mongo.bson.Document("aggregate", "documents").append("pipeline", List.of(
                new de.bwaldvogel.mongo.bson.Document("$match", new de.bwaldvogel.mongo.bson.Document("_id", "e1")),
                new de.bwaldvogel.mongo.bson.Document("$count", "n"))).append("cursor",
                new de.bwaldvogel.mongo.bson.Document());

        var answer = MatchFirstAggregation.answer(database, "aggregate", count, null, NoopOplog.get());

        assertThat(answer).isNotNull();
        assertThat(((de.bwaldvogel.mongo.bson.Document) answer.get("cursor")).get("firstBatch"))
                .isEqualTo(List.of(new de.bwaldvogel.mongo.bson.Document("n", 1)));
        assertThat(MatchFirstAggregation.answer(database, "aggregate", new de.bwaldvogel.mongo.bson.Document(
                "aggregate", "documents").append("pipeline", List.of(new de.bwaldvogel.mongo.bson.Document("$count",
                        "n"))).append("cursor", new de.bwaldvogel.mongo.bson.Document()), null, NoopOplog.get())).as("no $match first: the store's own aggregation").isNull();
        assertThat(events.countDocuments(Filters.eq("kind", "x"))).isEqualTo(1);
    }

    private void compare(long seed) {
        MongoCollection<Document> indexed = collection(new MongoServer(WireStore.memory()));
        MongoCollection<Document> plain = collection(new MongoServer(new MemoryBackend()));
        for (MongoCollection<Document> collection : List.of(indexed, plain)) {
            collection.createIndex(Indexes.ascending("a"));
            collection.createIndex(Indexes.ascending("a", "b"));
            collection.createIndex(Indexes.ascending("members.id"));
            collection.createIndex(Indexes.ascending("code"), new IndexOptions().unique(true).sparse(true));
        }
        Random random = new Random(seed);
        for (int step = 0; step < 200; step++) {
            int op = random.nextInt(10);
            int id = random.nextInt(60);
            if (op < 4) {
                Document document = randomDocument(random, id);
                both(indexed, plain, c -> {
                    try {
                        c.insertOne(Document.parse(document.toJson()));
                        return "inserted";
                    } catch (MongoWriteException e) {
                        return "refused " + e.getError().getCode();
                    }
                }, seed);
            } else if (op < 6) {
                int version = random.nextInt(3);
                Document replacement = randomDocument(random, id);
                both(indexed, plain, c -> {
                    try {
                        return c.replaceOne(Filters.and(Filters.eq("_id", id), Filters.eq("version", version)),
                                Document.parse(replacement.toJson())).getModifiedCount();
                    } catch (MongoWriteException e) {
                        return "refused " + e.getError().getCode();
                    }
                }, seed);
            } else if (op < 7) {
                int a = random.nextInt(5);
                String b = "b" + random.nextInt(4);
                both(indexed, plain, c -> c.updateMany(Filters.eq("a", a), Updates.set("b", b)).getModifiedCount(),
                        seed);
            } else if (op < 8) {
                String member = "m" + random.nextInt(12);
                both(indexed, plain, c -> c.deleteMany(Filters.eq("members.id", member)).getDeletedCount(), seed);
            }
            for (Bson query : queries(random)) {
                both(indexed, plain, c -> ids(c.find(query)), seed);
                both(indexed, plain, c -> c.countDocuments(query), seed);
                both(indexed, plain, c -> ids(c.aggregate(List.of(Aggregates.match(query),
                        Aggregates.group("$a", Accumulators.sum("n", 1)), Aggregates.sort(Sorts.ascending("_id"))))),
                        seed);
            }
        }
    }

    private static List<Bson> queries(Random random) {
        int id = random.nextInt(60);
        int a = random.nextInt(5);
        String b = "b" + random.nextInt(4);
        String member = "m" + random.nextInt(12);
        return List.of(
                Filters.eq("_id", id),
                Filters.and(Filters.eq("_id", id), Filters.eq("version", random.nextInt(3))),
                Filters.eq("a", a),
                Filters.eq("a", (long) a),
                Filters.and(Filters.eq("a", a), Filters.eq("b", b)),
                Filters.and(Filters.eq("a", a), Filters.ne("b", b)),
                Filters.and(Filters.eq("a", a), Filters.or(Filters.eq("b", b), Filters.eq("version", 1))),
                Filters.eq("members.id", member),
                Filters.and(Filters.eq("members.id", member), Filters.eq("a", a)),
                Filters.eq("code", "c" + random.nextInt(30)),
                Filters.and(Filters.eq("code", "c" + random.nextInt(30)), Filters.eq("a", a)),
                Filters.in("a", a, (a + 1) % 5),
                Filters.and(Filters.in("a", a, (a + 1) % 5), Filters.eq("b", b)),
                Filters.and(Filters.in("_id", id, id + 1, id + 2), Filters.eq("version", 1)),
                Filters.in("members.id", member, "m" + random.nextInt(12)),
                Filters.exists("code", false));
    }

    private static Document randomDocument(Random random, int id) {
        Document document = new Document("_id", id).append("version", random.nextInt(3));
        if (random.nextInt(5) > 0) {
            document.append("a", random.nextInt(5));
        }
        if (random.nextBoolean()) {
            document.append("b", "b" + random.nextInt(4));
        }
        if (random.nextInt(3) == 0) {
            document.append("code", "c" + random.nextInt(30));
        }
        List<Document> members = new ArrayList<>();
        for (int i = random.nextInt(4); i > 0; i--) {
            members.add(new Document("id", "m" + random.nextInt(12)));
        }
        return document.append("members", members);
    }

    private static <T> void both(MongoCollection<Document> indexed, MongoCollection<Document> plain,
            Function<MongoCollection<Document>, T> operation, long seed) {
        assertThat(operation.apply(indexed)).as("seed %d", seed).isEqualTo(operation.apply(plain));
    }

    private static List<Object> ids(Iterable<Document> documents) {
        List<Object> ids = new ArrayList<>();
        documents.forEach(document -> ids.add(document.toJson()));
        ids.sort(Comparator.comparing(Object::toString));
        return ids;
    }

    private MongoCollection<Document> collection(MongoServer server) {
        servers.add(server);
        MongoClient client = MongoClients.create("mongodb://" + server.bind().getHostString() + ":"
                + server.getLocalAddress().getPort());
        clients.add(client);
        return client.getDatabase("test").getCollection("documents");
    }
}
