package org.convoy.gateway;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;

import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import org.springframework.test.context.DynamicPropertyRegistry;

/** One local HTTP server that stands in for every service behind the gateway in a test. */
public final class StandInService {

    private StandInService() {
    }

    /** Starts a server on a free local port that answers every call with {@code handler}. */
    public static HttpServer start(HttpHandler handler) {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            server.createContext("/", handler);
            server.start();
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Sends the gateway's routes to registration, scheduling and notification all to {@code server}. */
    public static void routeEveryServiceTo(HttpServer server, DynamicPropertyRegistry registry) {
        String uri = "http://127.0.0.1:" + server.getAddress().getPort();
        registry.add("REGISTRATION_SERVICE_URI", () -> uri);
        registry.add("SCHEDULING_SERVICE_URI", () -> uri);
        registry.add("NOTIFICATION_SERVICE_URI", () -> uri);
    }
}
