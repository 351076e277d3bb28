package org.convoy.notification.notice.sms;

import java.time.Duration;

/** Hands one text message to an SMS provider. */
public interface SmsProvider {

    /**
     * @return the provider's id for the message
     * @throws TransientSmsFailure when trying again later may work (rate limited, provider trouble, network)
     * @throws PermanentSmsFailure when it never will (bad number, refused credentials)
     */
    String send(String to, String text);

    /** Worth retrying; {@code retryAfter} is the provider's hint, if it gave one. */
    class TransientSmsFailure extends RuntimeException {

        private final transient Duration retryAfter;

        public TransientSmsFailure(String message, Duration retryAfter, Throwable cause) {
            super(message, cause);
            this.retryAfter = retryAfter;
        }

        public Duration retryAfter() {
            return retryAfter;
        }
    }

    /** Not worth retrying. */
    class PermanentSmsFailure extends RuntimeException {

        public PermanentSmsFailure(String message) {
            super(message);
        }
    }
}
