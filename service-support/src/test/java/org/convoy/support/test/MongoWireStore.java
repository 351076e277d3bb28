package org.convoy.support.test;

import java.net.InetSocketAddress;
import java.util.UUID;

import de.bwaldvogel.mongo.MongoServer;
import org.convoy.store.WireStore;
import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The MongoDB-wire store for tests: one in-memory mongo-java-server per test JVM, a fresh database per Spring
 * context. Real MongoDB wire protocol and driver; no multi-document transactions, like the code expects.
 * As an initializer it gives a context only MongoDB, for tests that bring their own Kafka.
 */
public final class MongoWireStore implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    private static MongoServer server;

    public static synchronized String connectionString(String database) {
        if (server == null) {
            server = new MongoServer(WireStore.memory());
            server.bind("127.0.0.1", 0);
            Runtime.getRuntime().addShutdownHook(new Thread(server::shutdownNow, "mongo-wire-store-stop"));
        }
        return uri(server.getLocalAddress(), database);
    }

    private static String uri(InetSocketAddress address, String database) {
        return "mongodb://" + address.getHostString() + ":" + address.getPort() + "/" + database;
    }

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        String database = "test-" + UUID.randomUUID().toString().substring(0, 8);
        TestPropertyValues.of("spring.mongodb.uri=" + connectionString(database)).applyTo(context);
        TestSecrets.applyTo(context);
    }
}
