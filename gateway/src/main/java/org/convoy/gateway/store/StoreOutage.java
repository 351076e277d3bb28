package org.convoy.gateway.store;

/**
 * What the gateway answers while its store cannot be reached (stopped, unreachable, or not answering within
 * {@link StoreProperties}): 503 with {@code Retry-After}, never a 500 and never a wait longer than the timeouts.
 */
public final class StoreOutage {

    /** When to call again: a few store timeouts later. */
    public static final int RETRY_AFTER_SECONDS = 5;

    private StoreOutage() {
    }
}
