package org.convoy.support.test;

import java.nio.charset.StandardCharsets;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.convoy.events.ConvoyEvent;
import org.convoy.events.EventCatalog;
import org.convoy.events.EventCodec;
import org.convoy.events.EventHeaders;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;

/** Publishes events the way another service's outbox relay would: keyed, typed, JSON; or raw bytes for poison. */
public final class TestEventPublisher implements AutoCloseable {

    private final KafkaTemplate<String, byte[]> template;
    private final EventCodec codec = new EventCodec();

    public TestEventPublisher(String bootstrapServers) {
        template = new KafkaTemplate<>(new DefaultKafkaProducerFactory<>(
                java.util.Map.<String, Object>of("bootstrap.servers", bootstrapServers),
                new StringSerializer(), new ByteArraySerializer()));
    }

    public void publish(ConvoyEvent event) {
        publishRaw(EventCatalog.topicOf(event), event.aggregateId(), EventCatalog.typeName(event.getClass()),
                codec.toBytes(event));
    }

    /** A record as any producer could write it; {@code eventType} {@code null} leaves the header out. */
    public void publishRaw(String topic, String key, String eventType, byte[] payload) {
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(topic, key, payload);
        if (eventType != null) {
            record.headers().add(EventHeaders.EVENT_TYPE, eventType.getBytes(StandardCharsets.UTF_8));
        }
        template.send(record).join();
    }

    @Override
    public void close() {
        template.destroy();
    }
}
