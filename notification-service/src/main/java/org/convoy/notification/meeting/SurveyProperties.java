package org.convoy.notification.meeting;

import java.time.Duration;

import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The survey after a meeting: each attendee who checked in is asked for her feedback once the meeting has ended;
 * looked for every {@code poll}.
 */
@Validated
@ConfigurationProperties("convoy.notification.survey")
public record SurveyProperties(
        @DefaultValue("true") boolean enabled,
        @NotNull @DefaultValue("5m") Duration poll) {
}
