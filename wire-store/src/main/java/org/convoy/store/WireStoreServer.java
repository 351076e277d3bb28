package org.convoy.store;

import java.nio.file.Path;
import java.util.concurrent.ThreadLocalRandom;

import de.bwaldvogel.mongo.MongoServer;

/**
 * A MongoDB-wire store kept in a file, on a port of its own, which can be stopped and started again on that port with
 * its data, as a store's process that went away and came back looks to its clients. Tests of a store outage use it.
 * The port is chosen by binding it, below the systems' ephemeral ranges (Linux starts at 32768), so no outgoing
 * connection can take it while the store is stopped.
 */
public final class WireStoreServer implements AutoCloseable {

    private static final String HOST = "127.0.0.1";
    private static final int FIRST_PORT = 20000;
    private static final int LAST_PORT = 32000;

    private final Path file;
    private final int port;
    private MongoServer server;

    private WireStoreServer(Path file, MongoServer server, int port) {
        this.file = file;
        this.server = server;
        this.port = port;
    }

    /** A running store kept in {@code file} (an H2 file, made when missing), on a free port between 20000 and 32000. */
    public static WireStoreServer start(Path file) {
        RuntimeException last = null;
        for (int attempt = 0; attempt < 200; attempt++) {
            int port = ThreadLocalRandom.current().nextInt(FIRST_PORT, LAST_PORT + 1);
            try {
                return new WireStoreServer(file, bound(file, port), port);
            } catch (IllegalStateException taken) {
                last = taken;
            }
        }
        throw new IllegalStateException("No free port between " + FIRST_PORT + " and " + LAST_PORT, last);
    }

    /** {@code mongodb://127.0.0.1:<port>/<database>} */
    public String uri(String database) {
        return "mongodb://" + HOST + ":" + port + "/" + database;
    }

    public int port() {
        return port;
    }

    public synchronized boolean running() {
        return server != null;
    }

    /** Stops listening, closes every client's connection and the file; the data stays for {@link #restart()}. */
    public synchronized void stop() {
        if (server != null) {
            server.shutdownNow();
            server = null;
        }
    }

    /** Opens the file again and listens on the same port, with the data it had when stopped. */
    public synchronized void restart() {
        if (server == null) {
            server = bound(file, port);
        }
    }

    @Override
    public void close() {
        stop();
    }

    private static MongoServer bound(Path file, int port) {
        MongoServer server = new MongoServer(WireStore.file(file));
        try {
            WireStore.bind(server, HOST, port);
            return server;
        } catch (Exception e) {
            // Netty reports a taken port as a BindException, thrown without being declared.
            server.shutdownNow();
            throw new IllegalStateException("Cannot listen on port " + port, e);
        }
    }
}
