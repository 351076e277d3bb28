package org.convoy.gateway.web;

import java.nio.charset.StandardCharsets;

import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.web.server.ServerWebExchange;

import reactor.core.publisher.Mono;

/** A problem+json answer written by a filter, where no controller advice reaches. */
public final class Problems {

    private Problems() {
    }

    public static Mono<Void> write(ServerHttpResponse response, HttpStatus status, String title, String detail) {
        response.setStatusCode(status);
        response.getHeaders().setContentType(MediaType.APPLICATION_PROBLEM_JSON);
        String body = "{\"type\":\"about:blank\",\"title\":\"" + escape(title) + "\",\"status\":" + status.value()
                + ",\"detail\":\"" + escape(detail) + "\"}";
        DataBuffer buffer = response.bufferFactory().wrap(body.getBytes(StandardCharsets.UTF_8));
        return response.writeWith(Mono.just(buffer));
    }

    /** 429 with Retry-After in whole seconds, at least one. */
    public static Mono<Void> tooManyRequests(ServerHttpResponse response, long waitMillis, String detail) {
        long seconds = retryAfterSeconds(waitMillis);
        response.getHeaders().set("Retry-After", String.valueOf(seconds));
        return write(response, HttpStatus.TOO_MANY_REQUESTS, "Too many requests",
                detail + " Try again in " + seconds + " seconds.");
    }

    /**
     * Reads and drops what is left of the request body, for answering before the body was read: a client that
     * offered an HTTP/2 upgrade (Java's HttpClient does by default) otherwise waits for an answer that never comes.
     */
    public static Mono<Void> drained(ServerWebExchange exchange) {
        return exchange.getRequest().getBody().map(DataBufferUtils::release).then();
    }

    public static long retryAfterSeconds(long waitMillis) {
        return Math.max(1, (waitMillis + 999) / 1000);
    }

    private static String escape(String text) {
        StringBuilder escaped = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            if (c == '"' || c == '\\') {
                escaped.append('\\').append(c);
            } else if (c >= 0x20) {
                escaped.append(c);
            }
        }
        return escaped.toString();
    }
}
