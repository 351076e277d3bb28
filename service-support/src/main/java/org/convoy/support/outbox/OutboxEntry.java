package org.convoy.support.outbox;

import java.time.Instant;

import org.convoy.events.ConvoyEvent;
import org.convoy.events.EventCatalog;
import org.convoy.events.EventCodec;

/**
 * An event waiting to be relayed to Kafka. Aggregates keep their pending entries in a list field named
 * {@value #FIELD} of their own document, so a state change and the events it causes are written together in
 * one document write; {@link OutboxRelay} publishes them and removes each once Kafka has acknowledged it.
 */
public record OutboxEntry(String eventId, String type, String topic, String key, String payload, Instant occurredAt) {

    /** The name of the list field that holds pending entries in an aggregate document. */
    public static final String FIELD = "outbox";

    private static final EventCodec CODEC = new EventCodec();

    public static OutboxEntry of(ConvoyEvent event) {
        return new OutboxEntry(event.eventId().toString(), EventCatalog.typeName(event.getClass()),
                EventCatalog.topicOf(event), event.aggregateId(), CODEC.toJson(event), event.occurredAt());
    }
}
