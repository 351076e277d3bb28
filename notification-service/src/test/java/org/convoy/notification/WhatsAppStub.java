package org.convoy.notification;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;

import com.sun.net.httpserver.HttpServer;

/**
 * A local stand-in for a Twilio-compatible Messages API carrying WhatsApp, over HTTP: it keeps every request's form
 * and answers each number as scripted (201 with a message id unless told otherwise).
 */
final class WhatsAppStub {

    /** One answer: its status, its body, and a {@code Retry-After} in seconds or {@code null}. */
    record Answer(int status, String body, String retryAfter) {

        /** Taken, with a message id of its own. */
        static final Answer CREATED = new Answer(201, "", null);
        static final Answer NOT_ON_WHATSAPP = new Answer(400,
                "{\"code\":63003,\"message\":\"Channel could not find To address\",\"status\":400}", null);

        static Answer rateLimited(int seconds) {
            return new Answer(429, "{\"code\":20429,\"message\":\"Too Many Requests\"}", String.valueOf(seconds));
        }

        static Answer unavailable() {
            return new Answer(503, "{\"message\":\"Service Unavailable\"}", null);
        }
    }

    /** A request as the stub received it: its path, its credentials and its form fields. */
    record Request(String path, String authorization, Map<String, String> form) {
    }

    private final HttpServer server;
    private final List<Request> requests = new CopyOnWriteArrayList<>();
    private final Map<String, Deque<Answer>> scripts = new ConcurrentHashMap<>();

    WhatsAppStub() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", exchange -> {
            Map<String, String> form = form(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            requests.add(new Request(exchange.getRequestURI().getPath(),
                    exchange.getRequestHeaders().getFirst("Authorization"), form));
            Deque<Answer> script = scripts.get(form.getOrDefault("To", ""));
            Answer answer = script == null || script.isEmpty() ? Answer.CREATED
                    : script.size() == 1 ? script.peek() : script.poll();
            if (answer == Answer.CREATED) {
                answer = new Answer(201, "{\"sid\":\"MM" + requests.size() + "x" + System.nanoTime()
                        + "\",\"status\":\"queued\"}", null);
            }
            if (answer.retryAfter() != null) {
                exchange.getResponseHeaders().set("Retry-After", answer.retryAfter());
            }
            byte[] body = answer.body().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(answer.status(), body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
    }

    String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** How the stub answers this number ({@code whatsapp:+52…}), in turn; the last answer repeats. */
    void answer(String to, Answer... answers) {
        scripts.put(to, new ConcurrentLinkedDeque<>(Arrays.asList(answers)));
    }

    /** The requests for this number ({@code whatsapp:+52…}), in the order received. */
    List<Request> to(String to) {
        return requests.stream().filter(request -> to.equals(request.form().get("To"))).toList();
    }

    void stop() {
        server.stop(0);
    }

    private static Map<String, String> form(String body) {
        return Arrays.stream(body.split("&")).filter(pair -> pair.contains("="))
                .collect(Collectors.toMap(pair -> URLDecoder.decode(pair.substring(0, pair.indexOf('=')),
                        StandardCharsets.UTF_8), pair -> URLDecoder.decode(pair.substring(pair.indexOf('=') + 1),
                        StandardCharsets.UTF_8), (a, b) -> b, LinkedHashMap::new));
    }
}
