package org.convoy.local;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Checks, before anything starts, that every port the platform needs is free. */
final class Ports {

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

    /** A port nobody is using right now, for tests. */
    static int anyFree() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new PlatformException("No free port", e);
        }
    }
}
