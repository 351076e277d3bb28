package org.convoy.notification.meeting;

import java.time.Duration;
import java.time.LocalTime;

import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The day-before agenda: from {@code sendAt} (local time in the meetings' zone) on the eve of a convoy day, each
 * attendee gets their meetings of the next day; looked for every {@code poll}.
 */
@Validated
@ConfigurationProperties("convoy.notification.digest")
public record DigestProperties(
        @DefaultValue("true") boolean enabled,
        @NotNull @DefaultValue("18:00") LocalTime sendAt,
        @NotNull @DefaultValue("5m") Duration poll) {
}
