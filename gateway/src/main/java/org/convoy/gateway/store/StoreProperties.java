package org.convoy.gateway.store;

import java.time.Duration;

import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How long the gateway waits for its store (organizer accounts, logged-out tokens, ended access) before it gives up,
 * as the services do (their {@code StoreProperties} in service-support, with the same variables): the driver's own
 * defaults held a login 30 s when the store was away. Options in {@code MONGODB_URI} take precedence.
 *
 * @param serverSelectionTimeout how long an operation waits for a store it can use ({@code MONGODB_SERVER_SELECTION_TIMEOUT})
 * @param connectTimeout         how long opening a connection may take ({@code MONGODB_CONNECT_TIMEOUT})
 * @param readTimeout            how long an answer may take once asked ({@code MONGODB_READ_TIMEOUT})
 */
@Validated
@ConfigurationProperties("convoy.store")
public record StoreProperties(
        @NotNull @DefaultValue("2s") Duration serverSelectionTimeout,
        @NotNull @DefaultValue("2s") Duration connectTimeout,
        @NotNull @DefaultValue("8s") Duration readTimeout) {
}
