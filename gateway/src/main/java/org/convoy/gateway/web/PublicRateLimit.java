package org.convoy.gateway.web;

import java.net.InetSocketAddress;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

import reactor.core.publisher.Mono;

/**
 * A token bucket per client address for the public calls anyone can make without logging in: registering and
 * asking for a personal link again. Over the limit the answer is 429 problem+json with Retry-After.
 *
 * <p>The buckets live in this gateway's memory: with several gateway instances each counts on its own, so a client
 * gets up to that many times the limit. Several instances need a shared store (such as Spring Cloud Gateway's
 * Redis rate limiter) instead.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
class PublicRateLimit implements WebFilter {

    private static final List<String> LIMITED_PATHS = List.of("/api/registrations", "/api/registrations/link-requests");
    private static final int MAX_TRACKED_CLIENTS = 100_000;

    private final GatewayProperties.RateLimit limit;
    private final Clock clock;
    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

    @Autowired
    PublicRateLimit(GatewayProperties properties) {
        this(properties.publicRateLimit(), Clock.systemUTC());
    }

    PublicRateLimit(GatewayProperties.RateLimit limit, Clock clock) {
        this.limit = limit;
        this.clock = clock;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        if (exchange.getRequest().getMethod() != HttpMethod.POST
                || !LIMITED_PATHS.contains(exchange.getRequest().getPath().value())) {
            return chain.filter(exchange);
        }
        long waitMillis = take(client(exchange));
        if (waitMillis == 0) {
            return chain.filter(exchange);
        }
        long seconds = Math.max(1, (waitMillis + 999) / 1000);
        exchange.getResponse().getHeaders().set("Retry-After", String.valueOf(seconds));
        return EdgeFilters.problem(exchange.getResponse(), HttpStatus.TOO_MANY_REQUESTS, "Too many requests",
                "Too many requests from this address. Try again in " + seconds + " seconds.");
    }

    /** @return 0 when a token was taken, else how long until the next token */
    long take(String client) {
        if (buckets.size() > MAX_TRACKED_CLIENTS) {
            buckets.clear();
        }
        long now = clock.millis();
        Bucket bucket = buckets.compute(client, (key, old) -> (old == null ? new Bucket(limit.capacity(), now) : old)
                .refilled(now, limit.capacity(), limit.refillEvery()));
        if (bucket.tokens() >= 1) {
            buckets.put(client, new Bucket(bucket.tokens() - 1, bucket.at()));
            return 0;
        }
        return Math.max(1, (long) ((1 - bucket.tokens()) * limit.refillEvery().toMillis()));
    }

    private String client(ServerWebExchange exchange) {
        if (limit.trustForwardedFor()) {
            String forwarded = exchange.getRequest().getHeaders().getFirst("X-Forwarded-For");
            if (forwarded != null && !forwarded.isBlank()) {
                return forwarded.split(",")[0].strip();
            }
        }
        InetSocketAddress remote = exchange.getRequest().getRemoteAddress();
        return remote == null ? "unknown" : remote.getAddress().getHostAddress();
    }

    private record Bucket(double tokens, long at) {

        Bucket refilled(long now, int capacity, Duration every) {
            double added = (now - at) / (double) every.toMillis();
            return new Bucket(Math.min(capacity, tokens + added), now);
        }
    }
}
