package org.convoy.support.web;

import java.time.Duration;
import java.util.List;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The service's own limit on its public calls ({@code convoy.security.public-call-limit.*}), behind the gateway's:
 * each client may make {@code calls} of them per {@code period}, so calling a service directly, around the gateway,
 * does not lift the limit.
 *
 * @param paths          the limited calls, as {@code "POST /api/registrations"}
 * @param calls          how many calls one client may make in a period
 * @param period         the period
 * @param trustedProxies addresses (prefixes) whose {@code X-Forwarded-For} names the client: the gateway's
 * @param inFlight       how many of these calls, from all clients, the service works on at once; the next one is
 *                       answered at once with 503 and {@code Retry-After} instead of waiting in a queue
 */
@Validated
@ConfigurationProperties("convoy.security.public-call-limit")
public record PublicCallLimits(
        @NotNull @DefaultValue List<String> paths,
        @Min(1) @DefaultValue("60") int calls,
        @NotNull @DefaultValue("1m") Duration period,
        @NotNull @DefaultValue({ "127.", "0:0:0:0:0:0:0:1", "10.", "172.16.", "192.168." }) List<String> trustedProxies,
        @Min(1) @DefaultValue("64") int inFlight) {
}
