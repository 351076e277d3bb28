package org.convoy.notification.deadletter.messaging;

import java.time.Duration;

import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How long an event of the meeting stream waits for the contact of an attendee that notification does not know yet
 * (her registration travels on the delegate stream, so it may come a moment later) before it becomes a dead letter.
 * Meanwhile the event is tried again, first after half a second, then twice as long each time up to {@code interval};
 * its partition waits, the others go on.
 *
 * @param window   from the first attempt, on the service's clock ({@code NOTIFICATION_CONTACT_WAIT})
 * @param interval the longest pause between two attempts
 */
@Validated
@ConfigurationProperties("convoy.notification.contact-wait")
public record ContactWaitProperties(
        @NotNull @DefaultValue("30s") Duration window,
        @NotNull @DefaultValue("5s") Duration interval) {

    public ContactWaitProperties {
        if (window != null && window.isNegative()) {
            throw new IllegalArgumentException("convoy.notification.contact-wait.window must not be negative");
        }
        if (interval != null && (interval.isNegative() || interval.isZero())) {
            throw new IllegalArgumentException("convoy.notification.contact-wait.interval must be positive");
        }
    }
}
