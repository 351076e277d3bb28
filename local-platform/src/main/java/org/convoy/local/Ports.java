package org.convoy.local;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;

/** Checks, before anything starts, that every port the platform needs is free. */
final class Ports {

    private static final int FIRST_CHOSEN = 20000;
    private static final int LAST_CHOSEN = 32000;
    private static final Set<Integer> HANDED_OUT = ConcurrentHashMap.newKeySet();

    private Ports() {
    }

    static void requireFree(Map<String, Integer> ports) {
        List<String> taken = new ArrayList<>();
        ports.forEach((name, port) -> {
            if (!isFree(port)) {
                String key = PlatformConfig.portKey(name);
                taken.add("port " + port + " (" + name + ") is already in use; stop what uses it, or choose another with --"
                        + key + "=<port> or " + PlatformConfig.envName(key) + "=<port>");
            }
        });
        if (!taken.isEmpty()) {
            throw new PlatformException("Cannot start: " + String.join("; ", taken) + ".");
        }
    }

    static boolean isFree(int port) {
        try (ServerSocket socket = new ServerSocket()) {
            // as servers do: connections of an earlier run waiting in TIME_WAIT do not make a port busy
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(port));
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /**
     * A port nobody is using right now, for tests, and not handed out before in this JVM. It is chosen below the
     * systems' ephemeral ranges (Linux starts at 32768, others at 49152): an outgoing connection takes its local port
     * from that range, so one opened between this choice and the service binding the port (a Kafka client, an HTTP
     * call) cannot take it, as a port the system chose with {@code new ServerSocket(0)} could be taken.
     */
    static int anyFree() {
        for (int attempt = 0; attempt < 500; attempt++) {
            int port = ThreadLocalRandom.current().nextInt(FIRST_CHOSEN, LAST_CHOSEN + 1);
            if (isFree(port) && HANDED_OUT.add(port)) {
                return port;
            }
        }
        throw new PlatformException("No free port between " + FIRST_CHOSEN + " and " + LAST_CHOSEN);
    }
}
