package org.convoy.gateway.web;

import io.micrometer.common.KeyValue;
import io.micrometer.common.KeyValues;
import org.springframework.cloud.gateway.route.Route;
import org.springframework.cloud.gateway.route.RouteLocator;
import org.springframework.core.Ordered;
import org.springframework.http.server.reactive.observation.DefaultServerRequestObservationConvention;
import org.springframework.http.server.reactive.observation.ServerRequestObservationContext;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

import reactor.core.publisher.Mono;

/**
 * Adds a {@code route} label to {@code http.server.requests}, the gateway's meter of every answer: the id of the route
 * a call matches ({@code registration}, {@code scheduling}, {@code notification}), or {@code none} for what the gateway
 * answers itself (login, the web UI, health, an unknown path). The meter's own {@code uri} label cannot say it: a
 * proxied call has no handler pattern, so it reads {@code UNKNOWN}; and Spring Cloud Gateway's
 * {@code spring.cloud.gateway.requests} counts only the calls that reached a route, not those the gateway refused on
 * the way (429 from a rate limit, 401 for a bad token, 413, 503 when its store is away).
 *
 * <p>So the route is found first, before any other filter can answer: the routes' predicates are asked in their
 * order, as the gateway's handler mapping asks them later, and the first route that matches names the call.
 */
@Component
class AnswersByRoute extends DefaultServerRequestObservationConvention implements WebFilter, Ordered {

    static final String ROUTE = "route";
    static final String NONE = "none";
    private static final String ATTRIBUTE = AnswersByRoute.class.getName() + ".route";

    private final RouteLocator routes;

    AnswersByRoute(RouteLocator routes) {
        this.routes = routes;
    }

    /** Before {@link EdgeFilters}, which may already answer 413. */
    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        return routes.getRoutes()
                .filterWhen(route -> Mono.from(route.getPredicate().apply(exchange)).onErrorReturn(false))
                .next().map(Route::getId).defaultIfEmpty(NONE)
                .flatMap(route -> {
                    exchange.getAttributes().put(ATTRIBUTE, route);
                    return chain.filter(exchange);
                });
    }

    @Override
    public KeyValues getLowCardinalityKeyValues(ServerRequestObservationContext context) {
        Object route = context.getAttributes().get(ATTRIBUTE);
        return super.getLowCardinalityKeyValues(context)
                .and(KeyValue.of(ROUTE, route instanceof String id ? id : NONE));
    }
}
