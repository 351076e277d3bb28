package org.convoy.gateway.web;

import java.time.Clock;
import java.util.List;

import org.convoy.gateway.buckets.BucketStore;
import org.convoy.gateway.buckets.Buckets;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

import reactor.core.publisher.Mono;

/**
 * A token bucket per client address for the public calls anyone can make without logging in: registering and
 * asking for a personal link again. Over the limit the answer is 429 problem+json with Retry-After.
 *
 * <p>The buckets are in the {@link BucketStore}: Redis, shared by every gateway instance, when one is configured;
 * else this instance's memory, so that with several instances each counts on its own. While a configured Redis is
 * away, each instance counts in its own memory: the limit never disappears, and registering keeps working.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
class PublicRateLimit implements WebFilter {

    private static final List<String> LIMITED_PATHS = List.of("/api/registrations", "/api/registrations/link-requests",
            "/api/registrations/sessions", "/api/scheduling/host-sessions");

    private final GatewayProperties.RateLimit limit;
    private final Buckets buckets;

    @Autowired
    PublicRateLimit(GatewayProperties properties, BucketStore store) {
        this(properties.publicRateLimit(), store);
    }

    PublicRateLimit(GatewayProperties.RateLimit limit, Clock clock) {
        this(limit, BucketStore.inMemory(clock));
    }

    private PublicRateLimit(GatewayProperties.RateLimit limit, BucketStore store) {
        this.limit = limit;
        this.buckets = store.buckets("public", limit.capacity(), limit.refillEvery());
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        if (exchange.getRequest().getMethod() != HttpMethod.POST
                || !LIMITED_PATHS.contains(exchange.getRequest().getPath().value())) {
            return chain.filter(exchange);
        }
        return take(ClientAddress.of(exchange, limit.trustForwardedFor())).flatMap(waitMillis -> waitMillis == 0
                ? chain.filter(exchange)
                : Problems.tooManyRequests(exchange.getResponse(), waitMillis, "Too many requests from this address."));
    }

    /** @return 0 when a token was taken, else how long until the next token */
    Mono<Long> take(String client) {
        return buckets.take(client);
    }
}
