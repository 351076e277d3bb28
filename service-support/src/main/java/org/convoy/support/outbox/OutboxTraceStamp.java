package org.convoy.support.outbox;

import java.util.List;

import org.bson.Document;
import org.convoy.support.tracing.TraceContexts;
import org.springframework.data.mongodb.core.mapping.event.BeforeSaveCallback;

/**
 * Writes the trace context and correlation id of the work in hand into each outbox entry of an aggregate document that
 * has none yet, as the document is saved: the events a request records keep that request's trace, so the relay
 * publishes them in it later, on its own thread, and the consumers' spans join it. Entries already stamped (recorded
 * by an earlier request and still pending) keep theirs. The domain records events without knowing of traces.
 */
public class OutboxTraceStamp implements BeforeSaveCallback<Object> {

    private final TraceContexts contexts;

    public OutboxTraceStamp(TraceContexts contexts) {
        this.contexts = contexts;
    }

    /** The entries, each in the trace and correlation of the work in hand unless it has its own: for writes by update. */
    public List<OutboxEntry> stamp(List<OutboxEntry> entries) {
        String traceparent = contexts.currentTraceparent();
        String correlationId = TraceContexts.currentCorrelationId();
        return entries.stream().map(entry -> entry.within(traceparent, correlationId)).toList();
    }

    @Override
    public Object onBeforeSave(Object entity, Document document, String collection) {
        if (!(entity instanceof Outboxed outboxed) || !outboxed.hasPendingEvents()) {
            return entity;
        }
        List<Document> entries = document.getList(OutboxEntry.FIELD, Document.class, List.of());
        String traceparent = null;
        String correlationId = null;
        boolean read = false;
        for (Document entry : entries) {
            if (entry.get("traceparent") != null || entry.get("correlationId") != null) {
                continue;
            }
            if (!read) {
                traceparent = contexts.currentTraceparent();
                correlationId = TraceContexts.currentCorrelationId();
                read = true;
            }
            if (traceparent != null) {
                entry.put("traceparent", traceparent);
            }
            if (correlationId != null) {
                entry.put("correlationId", correlationId);
            }
        }
        return entity;
    }
}
