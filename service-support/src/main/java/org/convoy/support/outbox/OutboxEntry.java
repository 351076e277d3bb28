package org.convoy.support.outbox;

import java.time.Instant;

import org.convoy.events.ConvoyEvent;
import org.convoy.events.EventCatalog;
import org.convoy.events.EventCodec;

/**
 * An event waiting to be relayed to Kafka. Aggregates keep their pending entries in a list field named
 * {@value #FIELD} of their own document, so a state change and the events it causes are written together in
 * one document write; {@link OutboxRelay} publishes them and removes each once Kafka has acknowledged it.
 *
 * @param traceparent   the W3C trace context of the request or event that recorded this one, so that its publication
 *                      and everything consuming it join that trace; null when there was none (and in entries stored
 *                      before it was kept), then publishing starts a trace of its own. Filled in as the aggregate is
 *                      saved ({@link OutboxTraceStamp}), not by the domain.
 * @param correlationId the correlation id of that request, carried on the record; null when there was none
 */
public record OutboxEntry(String eventId, String type, String topic, String key, String payload, Instant occurredAt,
        String traceparent, String correlationId) {

    /** The name of the list field that holds pending entries in an aggregate document. */
    public static final String FIELD = "outbox";

    private static final EventCodec CODEC = new EventCodec();

    public OutboxEntry(String eventId, String type, String topic, String key, String payload, Instant occurredAt) {
        this(eventId, type, topic, key, payload, occurredAt, null, null);
    }

    /** This entry in the given trace and correlation, unless it already has a trace or correlation of its own. */
    public OutboxEntry within(String traceparent, String correlationId) {
        if (this.traceparent != null || this.correlationId != null) {
            return this;
        }
        return new OutboxEntry(eventId, type, topic, key, payload, occurredAt, traceparent, correlationId);
    }

    public static OutboxEntry of(ConvoyEvent event) {
        return new OutboxEntry(event.eventId().toString(), EventCatalog.typeName(event.getClass()),
                EventCatalog.topicOf(event), event.aggregateId(), CODEC.toJson(event), event.occurredAt());
    }
}
