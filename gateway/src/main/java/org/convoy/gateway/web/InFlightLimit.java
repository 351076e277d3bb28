package org.convoy.gateway.web;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

import reactor.core.publisher.Mono;

/**
 * Sheds load instead of failing under it: at most {@code convoy.gateway.in-flight-limit} calls to one service are
 * on their way at once; the next one is answered at once with 503 and Retry-After, before the circuit breaker sees
 * it. A busy but healthy service therefore never opens its breaker, which counts only real failures, and the
 * calls it does take are answered at its own pace.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 20)
class InFlightLimit implements WebFilter {

    private static final Map<String, String> SERVICES = Map.of("/api/registrations", "registration",
            "/api/scheduling", "scheduling", "/api/notifications", "notification");

    private final int limit;
    private final long retryAfterMillis;
    private final Map<String, AtomicInteger> inFlight = new ConcurrentHashMap<>();
    private final MeterRegistry meters;

    InFlightLimit(GatewayProperties properties, MeterRegistry meters) {
        this.limit = properties.inFlightLimit();
        this.retryAfterMillis = properties.busyRetryAfter().toMillis();
        this.meters = meters;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        String service = serviceOf(exchange.getRequest().getPath().value());
        if (service == null) {
            return chain.filter(exchange);
        }
        AtomicInteger calls = inFlight.computeIfAbsent(service, this::counter);
        if (calls.incrementAndGet() > limit) {
            calls.decrementAndGet();
            Counter.builder("convoy.gateway.shed").tag("service", service).register(meters).increment();
            long seconds = Problems.retryAfterSeconds(retryAfterMillis);
            exchange.getResponse().getHeaders().set("Retry-After", String.valueOf(seconds));
            return Problems.drained(exchange).then(Problems.write(exchange.getResponse(),
                    HttpStatus.SERVICE_UNAVAILABLE, "Busy",
                    "Many calls are on their way to this service at once. Try again in " + seconds + " seconds."));
        }
        return chain.filter(exchange).doFinally(signal -> calls.decrementAndGet());
    }

    private AtomicInteger counter(String service) {
        AtomicInteger calls = new AtomicInteger();
        Gauge.builder("convoy.gateway.in-flight", calls, AtomicInteger::get).tag("service", service).register(meters);
        return calls;
    }

    private static String serviceOf(String path) {
        for (var entry : SERVICES.entrySet()) {
            String prefix = entry.getKey();
            if (path.equals(prefix) || path.startsWith(prefix + "/")) {
                return entry.getValue();
            }
        }
        return null;
    }
}
