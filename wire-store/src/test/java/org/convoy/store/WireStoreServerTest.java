package org.convoy.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.MongoSocketException;
import com.mongodb.MongoTimeoutException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A store stopped and started again: its clients are refused meanwhile, then find it on the same port with its data. */
class WireStoreServerTest {

    @Test
    void aStoppedStoreRefusesItsClientsAndComesBackOnTheSamePortWithItsData(@TempDir Path directory) {
        try (WireStoreServer store = WireStoreServer.start(directory.resolve("store.mv"));
                MongoClient client = MongoClients.create(MongoClientSettings.builder()
                        .applyConnectionString(new ConnectionString(store.uri("outage")))
                        .applyToClusterSettings(cluster -> cluster.serverSelectionTimeout(5, TimeUnit.SECONDS))
                        .build())) {
            MongoCollection<Document> delegates = client.getDatabase("outage").getCollection("delegates");
            delegates.insertOne(new Document("_id", "maria").append("city", "Zapopan"));
            int port = store.port();

            store.stop();

            assertThat(store.running()).isFalse();
            assertThatThrownBy(() -> delegates.find(Filters.eq("_id", "maria")).first())
                    .isInstanceOfAny(MongoSocketException.class, MongoTimeoutException.class);
            store.restart();
            assertThat(store.port()).isEqualTo(port).isBetween(20000, 32000);
            assertThat(delegates.find(Filters.eq("_id", "maria")).first()).containsEntry("city", "Zapopan");
        }
    }
}
