package org.convoy.support.inbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.MockConsumer;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.Test;
import org.springframework.cloud.stream.binder.ExtendedConsumerProperties;
import org.springframework.cloud.stream.binder.kafka.properties.KafkaConsumerProperties;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.listener.ContainerProperties;
import org.springframework.kafka.listener.KafkaMessageListenerContainer;
import org.springframework.kafka.listener.MessageListener;
import org.springframework.kafka.mock.MockProducerFactory;
import org.springframework.util.backoff.FixedBackOff;

/** What a binding's container does with an event that failed for good, on a mock broker. */
class ConsumerErrorHandlingTest {

    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final MockProducer<byte[], byte[]> producer = new MockProducer<>(true, null, new ByteArraySerializer(),
            new ByteArraySerializer());
    private final ConsumerErrorHandling handling = new ConsumerErrorHandling(new MockProducerFactory<>(() -> producer),
            meters);

    @Test
    void anEventPutOnItsDeadLetterTopicIsCountedByTopic() {
        KafkaConsumerProperties binding = new KafkaConsumerProperties();
        binding.setEnableDlq(true);
        binding.setDlqName("convoy.delegates.dead");
        ContainerProperties containerProperties = new ContainerProperties("convoy.delegates");
        containerProperties.setMessageListener((MessageListener<byte[], byte[]>) record -> { });
        var container = new KafkaMessageListenerContainer<>(new DefaultKafkaConsumerFactory<byte[], byte[]>(Map.of()),
                containerProperties);
        handling.configure(container, "convoy.delegates", "scheduling", null, new FixedBackOff(0L, 0L),
                new ExtendedConsumerProperties<>(binding));

        ConsumerRecord<byte[], byte[]> record = new ConsumerRecord<>("convoy.delegates", 0, 7L, "k".getBytes(),
                "{}".getBytes());
        container.getCommonErrorHandler().handleRemaining(new IllegalArgumentException("bad event"), List.of(record),
                new MockConsumer<>("earliest"), container);

        assertThat(producer.history()).singleElement().satisfies(sent -> assertThat(sent.topic())
                .isEqualTo("convoy.delegates.dead"));
        assertThat(meters.get("convoy.events.dead-lettered").tag("topic", "convoy.delegates")
                .tag("dead-letter-topic", "convoy.delegates.dead").counter().count()).isEqualTo(1);
    }
}
