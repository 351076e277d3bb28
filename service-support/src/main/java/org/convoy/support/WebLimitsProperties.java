package org.convoy.support;

import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/** @param maxRequestBody the largest request body a service reads; larger ones get 413 */
@Validated
@ConfigurationProperties("convoy.web")
public record WebLimitsProperties(@NotNull @DefaultValue("64KB") DataSize maxRequestBody) {
}
