package org.convoy.store;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;

/**
 * The file store as a process of its own, as the local platform runs it: opens the H2 file named by the first argument
 * on a free port, prints {@code ready on port <port>} and serves until its standard input closes (or it is killed).
 */
public final class WireStoreProcess {

    static final String READY = "ready on port ";

    private WireStoreProcess() {
    }

    public static void main(String[] args) throws IOException {
        try (WireStoreServer store = WireStoreServer.start(Path.of(args[0]))) {
            System.out.println(READY + store.port());
            System.out.flush();
            InputStream in = System.in;
            while (in.read() >= 0) {
                // served by the store's own threads until the input closes
            }
        }
    }
}
