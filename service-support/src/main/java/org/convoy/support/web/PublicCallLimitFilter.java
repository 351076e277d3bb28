package org.convoy.support.web;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;

import io.github.resilience4j.ratelimiter.RateLimiter;
import io.github.resilience4j.ratelimiter.RateLimiterConfig;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpMethod;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Limits each client's public calls at the service itself (see {@link PublicCallLimits}): past the limit, 429 with
 * {@code Retry-After} as problem+json. The client is the caller's address, or, when the caller is a trusted proxy
 * (the gateway), the first address of its {@code X-Forwarded-For}. Past {@code inFlight} of these calls at once,
 * from everyone, the next is answered 503 {@code Busy} with {@code Retry-After} at once: a rush is shed at the door
 * instead of queueing until every caller times out.
 */
public class PublicCallLimitFilter extends OncePerRequestFilter {

    private static final int MAX_TRACKED_CLIENTS = 100_000;

    private final PublicCallLimits limits;
    private final List<String[]> paths;
    private final RateLimiterConfig config;
    private final Map<String, RateLimiter> clients = new ConcurrentHashMap<>();
    private final Semaphore inFlight;

    public PublicCallLimitFilter(PublicCallLimits limits) {
        this.limits = limits;
        this.paths = limits.paths().stream().map(entry -> entry.strip().split("\\s+", 2)).toList();
        this.config = RateLimiterConfig.custom().limitForPeriod(limits.calls()).limitRefreshPeriod(limits.period())
                .timeoutDuration(Duration.ZERO).build();
        this.inFlight = new Semaphore(limits.inFlight());
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return paths.stream().noneMatch(path -> HttpMethod.valueOf(path[0]).matches(request.getMethod())
                && path[1].equals(request.getRequestURI()));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (clients.size() > MAX_TRACKED_CLIENTS) {
            clients.clear();
        }
        String client = client(request);
        RateLimiter limiter = clients.computeIfAbsent(client, key -> RateLimiter.of(key, config));
        if (limiter.acquirePermission()) {
            if (!inFlight.tryAcquire()) {
                response.setHeader("Retry-After", "1");
                ProblemResponses.write(response, 503, "Busy",
                        "Many of these calls are being handled at once; try again in a second.",
                        request.getRequestURI());
                return;
            }
            try {
                chain.doFilter(request, response);
            } finally {
                inFlight.release();
            }
            return;
        }
        response.setHeader("Retry-After", String.valueOf(Math.max(1, limits.period().toSeconds())));
        ProblemResponses.write(response, 429, "Too many requests",
                "This client made too many of these calls; try again later.", request.getRequestURI());
    }

    private String client(HttpServletRequest request) {
        String peer = request.getRemoteAddr();
        String forwarded = request.getHeader("X-Forwarded-For");
        if (forwarded != null && !forwarded.isBlank() && limits.trustedProxies().stream().anyMatch(peer::startsWith)) {
            return forwarded.split(",")[0].strip();
        }
        return peer;
    }
}
