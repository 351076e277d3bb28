package org.convoy.gateway.web;

import java.time.Duration;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * @param maxRequestBody the largest request body the gateway forwards; larger ones get 413 at the door
 * @param retryAfter     what a 503 tells clients about when to try again
 * @param publicRateLimit how often one client address may register or ask for a link
 * @param organizerRateLimit how often one logged-in user (the token's subject) may call through the gateway
 * @param inFlightLimit  how many calls to one service may be on their way at once; more are answered 503 at once
 * @param busyRetryAfter what such a 503 tells clients about when to try again
 * @param sharedState    where the rate limits and the login throttle count: this instance's memory, or Redis
 */
@Validated
@ConfigurationProperties("convoy.gateway")
public record GatewayProperties(
        @NotNull @DefaultValue("64KB") DataSize maxRequestBody,
        @NotNull @DefaultValue("5s") Duration retryAfter,
        @Valid @NotNull @DefaultValue RateLimit publicRateLimit,
        @Valid @NotNull @DefaultValue UserRateLimit organizerRateLimit,
        @Min(1) @DefaultValue("256") int inFlightLimit,
        @NotNull @DefaultValue("1s") Duration busyRetryAfter,
        @Valid @NotNull @DefaultValue SharedState sharedState) {

    /**
     * @param capacity          requests a client may make at once
     * @param refillEvery       one more request is allowed after this long
     * @param trustForwardedFor take the client address from X-Forwarded-For (only behind a proxy that sets it)
     */
    public record RateLimit(
            @Min(1) @DefaultValue("10") int capacity,
            @NotNull @DefaultValue("6s") Duration refillEvery,
            @DefaultValue("false") boolean trustForwardedFor) {
    }

    /**
     * @param capacity    calls one user may make at once
     * @param refillEvery one more call is allowed after this long
     */
    public record UserRateLimit(
            @Min(1) @DefaultValue("120") int capacity,
            @NotNull @DefaultValue("250ms") Duration refillEvery) {
    }

    /**
     * @param redisUrl {@code GATEWAY_REDIS_URL}, such as {@code redis://redis:6379} ({@code rediss://} for TLS,
     *                 {@code redis://:password@host:6379/0}): every instance configured with it counts the public rate
     *                 limit, the per-user rate limit and the login throttle there, together. Empty: each instance
     *                 counts in its own memory and never connects to Redis
     * @param timeout  {@code GATEWAY_REDIS_TIMEOUT}: the longest a request waits for Redis before this instance
     *                 counts in its own memory instead
     */
    public record SharedState(
            @DefaultValue("") String redisUrl,
            @NotNull @DefaultValue("200ms") Duration timeout) {

        public boolean configured() {
            return !redisUrl.isBlank();
        }

        @Override
        public String toString() {
            return "SharedState[redisUrl=" + (configured() ? "******" : "") + ", timeout=" + timeout + "]";
        }
    }
}
