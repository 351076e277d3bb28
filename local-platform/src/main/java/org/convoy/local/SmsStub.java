package org.convoy.local;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * An SMS provider of the fault suite's own, speaking the Twilio-compatible API that notification's
 * {@code SMS_PROVIDER=twilio} adapter calls ({@code POST /2010-04-01/Accounts/{sid}/Messages.json}, a form with
 * {@code To}, {@code From} and {@code Body}): it accepts every text, answers its id, and keeps what it received.
 */
final class SmsStub implements AutoCloseable {

    static final String ACCOUNT = "ACfaults";
    static final String TOKEN = "fault-suite-token";

    private final List<Text> received = new ArrayList<>();
    private final AtomicLong ids = new AtomicLong();
    private HttpServer server;

    record Text(String to, String body, long receivedAtMillis) {
    }

    void start() {
        try {
            server = HttpServer.create(new InetSocketAddress("localhost", 0), 0);
            server.createContext("/2010-04-01/Accounts/" + ACCOUNT + "/Messages.json", this::receive);
            server.start();
        } catch (IOException e) {
            throw new PlatformException("The SMS stub did not start: " + e.getMessage(), e);
        }
    }

    /** What notification needs to send here. */
    Map<String, String> environment() {
        return Map.of("SMS_PROVIDER", "twilio", "SMS_TWILIO_BASE_URL", "http://localhost:" + server.getAddress().getPort(),
                "SMS_TWILIO_ACCOUNT_SID", ACCOUNT, "SMS_TWILIO_AUTH_TOKEN", TOKEN, "SMS_FROM", "+15550100");
    }

    synchronized List<Text> received() {
        return List.copyOf(received);
    }

    private void receive(HttpExchange exchange) throws IOException {
        Map<String, String> form = new HashMap<>();
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        for (String pair : body.split("&")) {
            int equals = pair.indexOf('=');
            if (equals > 0) {
                form.put(URLDecoder.decode(pair.substring(0, equals), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8));
            }
        }
        int status;
        String answer;
        if (!"POST".equals(exchange.getRequestMethod()) || !form.containsKey("To") || !form.containsKey("Body")) {
            status = 400;
            answer = "{\"message\":\"To and Body are required\"}";
        } else {
            synchronized (this) {
                received.add(new Text(form.get("To"), form.get("Body"), System.currentTimeMillis()));
            }
            status = 201;
            answer = "{\"sid\":\"SM" + ids.incrementAndGet() + "\",\"status\":\"queued\"}";
        }
        byte[] bytes = answer.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        if (server != null) {
            server.stop(0);
        }
    }
}
