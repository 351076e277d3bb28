package org.convoy.local;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import de.bwaldvogel.mongo.MongoServer;
import org.convoy.store.WireStore;

/**
 * The MongoDB-wire store: mongo-java-server speaking the MongoDB protocol, kept in an H2 file under the data
 * directory so delegates, meetings and notices survive a restart, with the indexes the services declare
 * ({@link WireStore}). Each service uses its own database in it.
 */
final class MongoStore implements AutoCloseable {

    private final int port;
    private final Path file;
    private MongoServer server;

    MongoStore(int port, Path dataDir) {
        this.port = port;
        this.file = dataDir.resolve("mongo").resolve("convoy.mv");
    }

    void start() {
        try {
            Files.createDirectories(file.getParent());
            server = new MongoServer(WireStore.file(file));
            WireStore.bind(server, "localhost", port);
        } catch (IOException | RuntimeException e) {
            throw new PlatformException("MongoDB-wire store did not start on port " + port + ": " + e.getMessage(), e);
        }
    }

    /** The connection string of one service's database. */
    String uri(String database) {
        return "mongodb://localhost:" + port + "/" + database;
    }

    @Override
    public void close() {
        if (server != null) {
            server.shutdown();
            server = null;
        }
    }
}
