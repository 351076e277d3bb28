package org.convoy.notification.notice;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Optional;

import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Hours in the recipient's zone when texts that can wait are held back (from {@code start} until {@code end}, over
 * midnight when start is after end). Urgent notices (a change to a meeting of the same day) go out regardless.
 */
@Validated
@ConfigurationProperties("convoy.notification.quiet-hours")
public record QuietHoursProperties(
        @DefaultValue("true") boolean enabled,
        @NotNull @DefaultValue("21:00") LocalTime start,
        @NotNull @DefaultValue("08:00") LocalTime end) {

    /** When a text that can wait may go out, if not now. */
    public Optional<Instant> holdUntil(Instant now, ZoneId zone) {
        if (!enabled || start.equals(end)) {
            return Optional.empty();
        }
        ZonedDateTime local = now.atZone(zone);
        LocalTime time = local.toLocalTime();
        boolean overMidnight = start.isAfter(end);
        boolean quiet = overMidnight ? !time.isBefore(start) || time.isBefore(end)
                : !time.isBefore(start) && time.isBefore(end);
        if (!quiet) {
            return Optional.empty();
        }
        ZonedDateTime until = local.with(end);
        if (!until.isAfter(local)) {
            until = until.plusDays(1);
        }
        return Optional.of(until.toInstant());
    }
}
