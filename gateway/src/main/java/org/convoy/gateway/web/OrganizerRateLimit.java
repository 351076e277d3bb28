package org.convoy.gateway.web;

import java.util.Optional;

import org.convoy.gateway.buckets.BucketStore;
import org.convoy.gateway.buckets.Buckets;
import org.springframework.core.annotation.Order;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.ReactiveSecurityContextHolder;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

import reactor.core.publisher.Mono;

/**
 * A token bucket per logged-in user for every call made with a token, keyed by the token's subject. It runs after
 * the security filters, so the subject comes from a token the gateway has checked, never from what a client claims.
 * Over the limit the answer is 429 problem+json with Retry-After. Counted in the {@link BucketStore}, like
 * {@link PublicRateLimit}: shared by every instance when Redis is configured, in this instance's memory otherwise and
 * while Redis is away.
 */
@Component
@Order(0)
class OrganizerRateLimit implements WebFilter {

    private final Buckets buckets;

    OrganizerRateLimit(GatewayProperties properties, BucketStore store) {
        GatewayProperties.UserRateLimit limit = properties.organizerRateLimit();
        this.buckets = store.buckets("organizer", limit.capacity(), limit.refillEvery());
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        return ReactiveSecurityContextHolder.getContext()
                .map(SecurityContext::getAuthentication)
                .filter(JwtAuthenticationToken.class::isInstance)
                .map(Authentication::getName)
                .map(Optional::of)
                .defaultIfEmpty(Optional.empty())
                .flatMap(subject -> subject.map(buckets::take).orElse(Mono.just(0L)))
                .flatMap(waitMillis -> {
                    if (waitMillis == 0) {
                        return chain.filter(exchange);
                    }
                    return Problems.drained(exchange).then(Problems.tooManyRequests(exchange.getResponse(), waitMillis,
                            "Too many calls from your account."));
                });
    }
}
