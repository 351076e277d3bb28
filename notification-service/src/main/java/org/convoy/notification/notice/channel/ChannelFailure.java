package org.convoy.notification.notice.channel;

import java.time.Duration;
import java.time.Instant;

/** Why a channel did not deliver a notice, which decides what the dispatcher does next. */
public abstract sealed class ChannelFailure extends RuntimeException {

    private ChannelFailure(String message, Throwable cause) {
        super(message, cause);
    }

    /** Worth trying again: the provider is down, busy or rate-limiting; {@code retryAfter} is its hint, if any. */
    public static final class Transient extends ChannelFailure {

        private final transient Duration retryAfter;

        public Transient(String message, Duration retryAfter, Throwable cause) {
            super(message, cause);
            this.retryAfter = retryAfter;
        }

        public Duration retryAfter() {
            return retryAfter;
        }
    }

    /** Never worth trying again on this channel: a bad address, a number not on the service, refused credentials. */
    public static final class Permanent extends ChannelFailure {

        public Permanent(String message) {
            super(message, null);
        }
    }

    /** A spending limit is reached: the notice waits until {@code until}, and the attempt does not count. */
    public static final class OverBudget extends ChannelFailure {

        private final transient Instant until;

        public OverBudget(String message, Instant until) {
            super(message, null);
            this.until = until;
        }

        public Instant until() {
            return until;
        }
    }
}
