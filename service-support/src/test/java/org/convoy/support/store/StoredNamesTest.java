package org.convoy.support.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import org.bson.Document;
import org.convoy.support.test.MongoWireStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.MongoTemplate;

/** A collection renamed in code keeps its data in the store, on the MongoDB-wire store. */
class StoredNamesTest {

    private MongoClient client;
    private MongoTemplate mongo;

    @BeforeEach
    void connect() {
        String database = "names-" + UUID.randomUUID().toString().substring(0, 8);
        client = MongoClients.create(MongoWireStore.connectionString(database));
        mongo = new MongoTemplate(client, database);
    }

    @AfterEach
    void disconnect() {
        client.close();
    }

    @Test
    void dataUnderTheOldNameMovesToTheNewNameOnce() {
        mongo.insert(new Document("_id", "california-2023").append("places", 150), "editions");

        StoredNames.renameCollection(mongo, "editions", "convoys");
        StoredNames.renameCollection(mongo, "editions", "convoys");

        assertThat(mongo.collectionExists("editions")).isFalse();
        assertThat(mongo.findById("california-2023", Document.class, "convoys")).containsEntry("places", 150);
    }

    @Test
    void whenTheNewNameHoldsDataAlreadyNothingIsOverwritten() {
        mongo.insert(new Document("_id", "california-2023").append("places", 150), "editions");
        mongo.insert(new Document("_id", "california-2023").append("places", 200), "convoys");

        StoredNames.renameCollection(mongo, "editions", "convoys");

        assertThat(mongo.findById("california-2023", Document.class, "convoys")).containsEntry("places", 200);
        assertThat(mongo.collectionExists("editions")).isTrue();
    }

    @Test
    void withoutAnOldCollectionNothingHappens() {
        StoredNames.renameCollection(mongo, "editions", "convoys");

        assertThat(mongo.collectionExists("convoys")).isFalse();
    }
}
