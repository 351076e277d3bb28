package org.convoy.gateway.web;

import java.util.UUID;
import java.util.regex.Pattern;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

import reactor.core.publisher.Mono;

/**
 * What the gateway does to every request before routing it: gives it a correlation id (kept if the client sent a
 * sane one) that travels to the services and back, refuses bodies over the limit with 413, and puts the security
 * headers on every answer. Only {@link AnswersByRoute} comes before it, so that a 413 is counted under its route.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
class EdgeFilters implements WebFilter {

    static final String CORRELATION_ID = "X-Correlation-Id";
    private static final Pattern SANE_ID = Pattern.compile("[A-Za-z0-9._-]{1,64}");

    private final GatewayProperties properties;

    EdgeFilters(GatewayProperties properties) {
        this.properties = properties;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        String given = exchange.getRequest().getHeaders().getFirst(CORRELATION_ID);
        String correlationId = given != null && SANE_ID.matcher(given).matches() ? given : UUID.randomUUID().toString();
        ServerWebExchange tagged = exchange.mutate()
                .request(request -> request.headers(headers -> headers.set(CORRELATION_ID, correlationId)))
                .build();
        ServerHttpResponse response = tagged.getResponse();
        response.beforeCommit(() -> {
            securityHeaders(tagged, response.getHeaders(), correlationId);
            return Mono.empty();
        });
        long length = tagged.getRequest().getHeaders().getContentLength();
        if (length > properties.maxRequestBody().toBytes()) {
            return problem(response, HttpStatus.CONTENT_TOO_LARGE, "Request body too large",
                    "The request body may not exceed " + properties.maxRequestBody().toBytes() + " bytes.");
        }
        return chain.filter(tagged);
    }

    private static void securityHeaders(ServerWebExchange exchange, HttpHeaders headers, String correlationId) {
        headers.set(CORRELATION_ID, correlationId);
        headers.set("X-Content-Type-Options", "nosniff");
        headers.set("Referrer-Policy", "no-referrer");
        headers.set("X-Frame-Options", "DENY");
        headers.set("Content-Security-Policy", "default-src 'self'; img-src 'self' data:; object-src 'none'; "
                + "base-uri 'self'; form-action 'self'; frame-ancestors 'none'");
        if ("https".equalsIgnoreCase(exchange.getRequest().getURI().getScheme())
                || "https".equalsIgnoreCase(exchange.getRequest().getHeaders().getFirst("X-Forwarded-Proto"))) {
            headers.set("Strict-Transport-Security", "max-age=31536000; includeSubDomains");
        }
    }

    static Mono<Void> problem(ServerHttpResponse response, HttpStatus status, String title, String detail) {
        return Problems.write(response, status, title, detail);
    }
}
