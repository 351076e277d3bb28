package org.convoy.local;

/** Something that stops the platform from starting, with a message meant for the person at the terminal. */
class PlatformException extends RuntimeException {

    PlatformException(String message) {
        super(message);
    }

    PlatformException(String message, Throwable cause) {
        super(message, cause);
    }
}
