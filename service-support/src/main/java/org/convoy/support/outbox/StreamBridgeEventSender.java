package org.convoy.support.outbox;

import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;

import io.micrometer.tracing.Span;
import org.convoy.events.EventHeaders;
import org.convoy.support.tracing.SpanTags;
import org.convoy.support.tracing.TraceContexts;
import org.springframework.cloud.stream.function.StreamBridge;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.messaging.Message;
import org.springframework.messaging.MessageHeaders;
import org.springframework.messaging.support.MessageBuilder;
import org.springframework.util.MimeTypeUtils;

/**
 * Sends through Spring Cloud Stream to the entry's topic, keyed by aggregate id, with the event type and id as
 * headers. The Kafka producer bindings run with {@code sync: true}, so a send that the broker did not acknowledge
 * throws and the entry stays in the outbox.
 *
 * <p>Each send runs in a span {@code publish <event type>}, a child of the trace that recorded the entry (its
 * {@code traceparent}), so the binder's producer observation, which writes the {@code traceparent} header of the
 * record, and every consumer of the event continue that trace. The correlation id of that request goes along as the
 * {@code X-Correlation-Id} header, and names this send in the relay's log lines.
 *
 * <p>Safe from several threads, with one exception handled here: {@code StreamBridge.send} records the binding of a
 * destination it has not seen yet in a plain {@code TreeMap} outside its lock (BindingServiceProperties;
 * spring-cloud-stream#3011 made that map safe and the fix was reported lost again in 5.0). So the first send to a
 * topic runs alone, and sends to topics already bound run side by side.
 */
class StreamBridgeEventSender implements EventSender {

    private final StreamBridge streamBridge;
    private final TraceContexts contexts;
    private final ReadWriteLock bindings = new ReentrantReadWriteLock();
    private final Set<String> bound = ConcurrentHashMap.newKeySet();

    StreamBridgeEventSender(StreamBridge streamBridge, TraceContexts contexts) {
        this.streamBridge = streamBridge;
        this.contexts = contexts;
    }

    @Override
    public void send(OutboxEntry entry) {
        MessageBuilder<byte[]> message = MessageBuilder.withPayload(entry.payload().getBytes(StandardCharsets.UTF_8))
                .setHeader(KafkaHeaders.KEY, entry.key().getBytes(StandardCharsets.UTF_8))
                .setHeader(EventHeaders.EVENT_TYPE, entry.type())
                .setHeader(EventHeaders.EVENT_ID, entry.eventId())
                .setHeader(MessageHeaders.CONTENT_TYPE, MimeTypeUtils.APPLICATION_JSON_VALUE);
        if (entry.correlationId() != null) {
            message.setHeader(TraceContexts.CORRELATION_HEADER, entry.correlationId());
        }
        Span span = contexts.startChildOf(entry.traceparent(), "publish " + entry.type());
        SpanTags.event(span, entry.type(), entry.eventId(), entry.key());
        span.tag(SpanTags.TOPIC, entry.topic());
        contexts.within(span, entry.correlationId(), () -> {
            send(entry, message.build());
            return null;
        });
    }

    private void send(OutboxEntry entry, Message<byte[]> message) {
        boolean firstToTopic = !bound.contains(entry.topic());
        Lock lock = firstToTopic ? bindings.writeLock() : bindings.readLock();
        lock.lock();
        try {
            if (!streamBridge.send(entry.topic(), message)) {
                throw new IllegalStateException("Broker did not accept event " + entry.eventId());
            }
            bound.add(entry.topic());
        } finally {
            lock.unlock();
        }
    }
}
