package org.convoy.support.outbox;

import java.util.List;

/** An aggregate that keeps the events its changes caused in its own document, for {@link OutboxRelay}. */
public interface Outboxed {

    List<OutboxEntry> pendingEvents();

    default boolean hasPendingEvents() {
        return !pendingEvents().isEmpty();
    }
}
