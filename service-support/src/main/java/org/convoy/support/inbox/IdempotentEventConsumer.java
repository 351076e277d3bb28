package org.convoy.support.inbox;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.convoy.events.ConvoyEvent;
import org.convoy.events.EventCatalog;
import org.convoy.events.EventCodec;
import org.convoy.events.EventHeaders;
import org.convoy.events.UnreadableEventException;
import org.convoy.support.tracing.SpanTags;
import org.convoy.support.tracing.TraceContexts;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.messaging.Message;

/**
 * The one way services consume events: a Spring Cloud Stream {@code Consumer<Message<byte[]>>} that reads the
 * event named by the {@code eventType} header, skips an {@code eventId} this consumer has already handled, and
 * passes the rest to the handler registered for the type.
 *
 * <p>Each event is handled in the trace of the request that caused it: the binder's consumer observation continues
 * the record's {@code traceparent}, and this consumer tags that span with the event's type and ids, and puts the
 * record's correlation id ({@code X-Correlation-Id}) in the logging context while the event is handled.
 *
 * <p>Known types without a handler here are skipped. An event without an {@code eventType} header, of a type the
 * event catalog does not know, or whose payload cannot be read throws {@link UnreadableEventException}: it goes to
 * the dead-letter topic without retrying, and the partition moves on; nothing disappears silently (a newer producer's
 * type waits there to be replayed once this reader knows it).
 *
 * <p>An event is marked handled only after its handler returned. When the store cannot be reached, neither the check
 * nor the handler nor the mark gets through, the failure reaches the container, and {@link ConsumerErrorHandling}
 * delivers the event again until the store answers, rather than dead-lettering it.
 */
public final class IdempotentEventConsumer implements Consumer<Message<byte[]>> {

    private static final Logger log = LoggerFactory.getLogger(IdempotentEventConsumer.class);

    private final String name;
    private final Map<Class<? extends ConvoyEvent>, EventHandler<? extends ConvoyEvent>> handlers;
    private final ProcessedEvents processed;
    private final EventCodec codec;
    private final MeterRegistry meters;
    private final TraceContexts contexts;

    private IdempotentEventConsumer(Builder builder) {
        this.name = builder.name;
        this.handlers = Map.copyOf(builder.handlers);
        this.processed = builder.processed;
        this.codec = builder.codec;
        this.meters = builder.meters;
        this.contexts = builder.contexts;
    }

    @Override
    public void accept(Message<byte[]> message) {
        String correlationId = header(message, TraceContexts.CORRELATION_HEADER);
        String before = MDC.get(TraceContexts.CORRELATION_MDC_KEY);
        if (correlationId != null) {
            MDC.put(TraceContexts.CORRELATION_MDC_KEY, correlationId);
        }
        try {
            handle(message);
        } finally {
            if (before == null) {
                MDC.remove(TraceContexts.CORRELATION_MDC_KEY);
            } else {
                MDC.put(TraceContexts.CORRELATION_MDC_KEY, before);
            }
        }
    }

    private void handle(Message<byte[]> message) {
        String typeName = header(message, EventHeaders.EVENT_TYPE);
        if (typeName == null || EventCatalog.typeFor(typeName).isEmpty()) {
            count(typeName == null ? "none" : typeName, "unknown");
            String where = " (topic " + header(message, KafkaHeaders.RECEIVED_TOPIC) + ", key "
                    + header(message, KafkaHeaders.RECEIVED_KEY) + ")";
            throw new UnreadableEventException(typeName == null
                    ? "Event without an " + EventHeaders.EVENT_TYPE + " header" + where
                    : "Event of a type no service knows, " + typeName + where);
        }
        Optional<Class<? extends ConvoyEvent>> type = EventCatalog.typeFor(typeName).filter(handlers::containsKey);
        if (type.isEmpty()) {
            count(typeName, "ignored");
            log.debug("Consumer {} ignores event type {}", name, typeName);
            return;
        }
        ConvoyEvent event = codec.read(message.getPayload(), type.get());
        String eventId = event.eventId().toString();
        var span = contexts.tracer().currentSpan();
        if (span != null) {
            SpanTags.event(span, typeName, eventId, event.aggregateId()).tag("consumer", name);
        }
        if (processed.isProcessed(name, eventId)) {
            count(typeName, "duplicate");
            log.info("Consumer {} skips already handled {} eventId={}", name, typeName, eventId);
            return;
        }
        dispatch(type.get(), event);
        processed.markProcessed(name, eventId, typeName);
        count(typeName, "handled");
        log.debug("Consumer {} handled {} eventId={} key={}", name, typeName, eventId, event.aggregateId());
    }

    @SuppressWarnings("unchecked")
    private <T extends ConvoyEvent> void dispatch(Class<T> type, ConvoyEvent event) {
        ((EventHandler<T>) handlers.get(type)).handle(type.cast(event));
    }

    private void count(String type, String outcome) {
        Counter.builder("convoy.events.consumed")
                .tag("consumer", name).tag("type", type).tag("outcome", outcome)
                .register(meters).increment();
    }

    private static String header(Message<?> message, String name) {
        Object value = message.getHeaders().get(name);
        if (value instanceof byte[] bytes) {
            return new String(bytes, StandardCharsets.UTF_8);
        }
        return value == null ? null : value.toString();
    }

    public static final class Builder {

        private final String name;
        private final Map<Class<? extends ConvoyEvent>, EventHandler<? extends ConvoyEvent>> handlers = new LinkedHashMap<>();
        private final ProcessedEvents processed;
        private final EventCodec codec;
        private final MeterRegistry meters;
        private final TraceContexts contexts;

        Builder(String name, ProcessedEvents processed, EventCodec codec, MeterRegistry meters,
                TraceContexts contexts) {
            this.name = name;
            this.processed = processed;
            this.codec = codec;
            this.meters = meters;
            this.contexts = contexts;
        }

        public <T extends ConvoyEvent> Builder on(Class<T> type, EventHandler<T> handler) {
            handlers.put(type, handler);
            return this;
        }

        public IdempotentEventConsumer build() {
            return new IdempotentEventConsumer(this);
        }
    }
}
