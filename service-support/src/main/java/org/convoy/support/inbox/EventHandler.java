package org.convoy.support.inbox;

import org.convoy.events.ConvoyEvent;

/** Applies one event to a service's state. Must be safe to run again for the same event. */
@FunctionalInterface
public interface EventHandler<T extends ConvoyEvent> {

    void handle(T event);
}
