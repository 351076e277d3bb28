package org.convoy.gateway;

import java.net.InetSocketAddress;
import java.util.UUID;

import de.bwaldvogel.mongo.MongoServer;
import org.convoy.store.WireStore;
import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;

/** The gateway's user store in tests: one in-memory MongoDB-wire server per test JVM, a fresh database per context. */
public final class TestMongo implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    private static MongoServer server;

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        TestPropertyValues.of("spring.mongodb.uri=" + uri("gateway-" + UUID.randomUUID().toString().substring(0, 8)))
                .applyTo(context);
    }

    /** A database of its own on the test JVM's store, for tests that build their own MongoDB client. */
    public static String connectionString(String database) {
        return uri(database);
    }

    private static synchronized String uri(String database) {
        if (server == null) {
            server = new MongoServer(WireStore.memory());
            server.bind("127.0.0.1", 0);
            Runtime.getRuntime().addShutdownHook(new Thread(server::shutdownNow, "test-mongo-stop"));
        }
        InetSocketAddress address = server.getLocalAddress();
        return "mongodb://" + address.getHostString() + ":" + address.getPort() + "/" + database;
    }
}
