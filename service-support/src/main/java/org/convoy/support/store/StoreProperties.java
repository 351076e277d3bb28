package org.convoy.support.store;

import java.time.Duration;

import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How long the service waits for its store (MongoDB) before it gives up. The driver's own defaults wait 30 s for a
 * store it can use and forever for an answer, so a store that is away held every call that long; with these, a call
 * gets 503 with {@code Retry-After} within seconds. Options in {@code MONGODB_URI} ({@code serverSelectionTimeoutMS},
 * {@code connectTimeoutMS}, {@code socketTimeoutMS}) take precedence over them.
 *
 * @param serverSelectionTimeout how long an operation waits for a store it can use ({@code MONGODB_SERVER_SELECTION_TIMEOUT})
 * @param connectTimeout         how long opening a connection may take ({@code MONGODB_CONNECT_TIMEOUT})
 * @param readTimeout            how long an answer may take once asked ({@code MONGODB_READ_TIMEOUT}): longer than the
 *                               slowest query the services make, shorter than the gateway's response timeout (10 s),
 *                               so a store that hangs is answered 503 by the service rather than 504 by the gateway
 */
@Validated
@ConfigurationProperties("convoy.store")
public record StoreProperties(
        @NotNull @DefaultValue("2s") Duration serverSelectionTimeout,
        @NotNull @DefaultValue("2s") Duration connectTimeout,
        @NotNull @DefaultValue("8s") Duration readTimeout) {
}
