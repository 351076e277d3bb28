package org.convoy.events;

import java.time.Instant;
import java.util.UUID;

/**
 * What every event on a Convoy topic carries. Events are immutable, past-tense facts.
 * The Kafka key of an event is {@link #aggregateId()}, so one delegate's or one meeting's events stay in order.
 */
public interface ConvoyEvent {

    UUID eventId();

    Instant occurredAt();

    int schemaVersion();

    /** The id of the delegate or meeting the event is about; also the Kafka record key. */
    String aggregateId();
}
