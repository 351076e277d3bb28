package org.convoy.support.test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.UUID;
import java.util.stream.Stream;

import org.convoy.store.WireStoreServer;
import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * A MongoDB-wire store that a test takes away from its service and brings back, on the same port with its data: for
 * store-outage tests ({@link StoreOutageTest}). One per test JVM, shared by no other test, and always in this JVM
 * whatever {@link InfrastructureMode} says, since a test cannot stop a container's store and find it again on the
 * same port; the broker is the JVM's embedded one, as in every other service test here.
 */
public final class StoppableStore implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    private static WireStoreServer server;

    /** The store, started on first use. */
    public static synchronized WireStoreServer server() {
        if (server == null) {
            Path directory;
            try {
                directory = Files.createTempDirectory("convoy-stoppable-store");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            WireStoreServer started = WireStoreServer.start(directory.resolve("store.mv"));
            server = started;
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                started.close();
                try (Stream<Path> files = Files.walk(directory)) {
                    files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
                } catch (IOException e) {
                    // a temporary directory left behind
                }
            }, "stoppable-store-stop"));
        }
        return server;
    }

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        new TestInfrastructureInitializer().initialize(context, InfrastructureMode.EMBEDDED);
        TestPropertyValues.of("spring.mongodb.uri=" + server().uri("test-" + UUID.randomUUID().toString().substring(0, 8)))
                .applyTo(context);
    }
}
