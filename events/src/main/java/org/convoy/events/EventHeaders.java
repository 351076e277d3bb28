package org.convoy.events;

/** Kafka record headers set on every event. */
public final class EventHeaders {

    /** The event's type name, e.g. {@code DelegateRegistered}; see {@link EventCatalog}. */
    public static final String EVENT_TYPE = "eventType";

    /** The event's id, duplicated from the payload so tools can see it without parsing. */
    public static final String EVENT_ID = "eventId";

    private EventHeaders() {
    }
}
