package org.convoy.notification.meeting;

import java.time.Duration;

import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Reminders before each meeting, as each convoy sets them: looked for every {@code poll} among the meetings that start
 * within {@code lookAhead} (as far ahead as a convoy may set a reminder).
 */
@Validated
@ConfigurationProperties("convoy.notification.reminders")
public record ReminderProperties(
        @DefaultValue("true") boolean enabled,
        @NotNull @DefaultValue("1m") Duration poll,
        @NotNull @DefaultValue("14d") Duration lookAhead) {
}
