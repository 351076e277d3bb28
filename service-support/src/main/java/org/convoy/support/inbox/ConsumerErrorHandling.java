package org.convoy.support.inbox;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiFunction;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.convoy.support.store.StoreOutage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.cloud.stream.binder.ExtendedConsumerProperties;
import org.springframework.cloud.stream.binder.kafka.ListenerContainerWithDlqAndRetryCustomizer;
import org.springframework.cloud.stream.binder.kafka.properties.KafkaConsumerProperties;
import org.springframework.kafka.KafkaException;
import org.springframework.kafka.core.KafkaOperations;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.core.ProducerFactory;
import org.springframework.kafka.listener.AbstractMessageListenerContainer;
import org.springframework.kafka.listener.CommonDelegatingErrorHandler;
import org.springframework.kafka.listener.CommonErrorHandler;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.kafka.listener.RetryListener;
import org.springframework.util.StringUtils;
import org.springframework.util.backoff.BackOff;
import org.springframework.util.backoff.ExponentialBackOff;
import org.springframework.util.backoff.FixedBackOff;

/**
 * What every consumer binding does with an event whose handling failed. The listener container retries it and
 * dead-letters it, rather than the binding, so that the two kinds of failure can be told apart:
 * <ul>
 * <li>the service's store could not be reached ({@link StoreOutage}): nothing is wrong with the event, so it is
 * neither dead-lettered nor counted against its attempts. It is delivered again, after 1 s, then 2 s, 4 s and every
 * 5 s, for as long as the store is away, and handled once it answers; the consumer stays in its group meanwhile, since
 * each try is a fresh poll ({@code convoy.events.store-unavailable{topic}} counts the tries);</li>
 * <li>anything else is tried as the binding says ({@code max-attempts} and its back-off), then goes to the binding's
 * dead-letter topic ({@code dlq-name}, else {@code error.<topic>.<group>}); a type the binding marks not retryable
 * ({@code retryable-exceptions}, as an unreadable event is) goes there at once. A binding without a dead-letter topic
 * logs the event and moves on, as before.</li>
 * </ul>
 * Dead letters keep the event's own headers and carry the failure in {@code kafka_dlt-*} headers.
 */
public final class ConsumerErrorHandling implements ListenerContainerWithDlqAndRetryCustomizer, DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(ConsumerErrorHandling.class);

    private final ProducerFactory<byte[], byte[]> deadLetterProducers;
    private final KafkaOperations<byte[], byte[]> deadLetters;
    private final MeterRegistry meters;
    /** The dead-letter topics of the bindings configured so far, by their names. */
    private final Set<String> deadLetterTopics = ConcurrentHashMap.newKeySet();

    /** Dead letters go out through the service's producer settings, with byte-array serializers. */
    public static ConsumerErrorHandling over(ProducerFactory<?, ?> producers, MeterRegistry meters) {
        @SuppressWarnings("unchecked")
        ProducerFactory<byte[], byte[]> deadLetterProducers = (ProducerFactory<byte[], byte[]>) producers
                .copyWithConfigurationOverride(Map.of(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG,
                        ByteArraySerializer.class, ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG,
                        ByteArraySerializer.class));
        return new ConsumerErrorHandling(deadLetterProducers, meters);
    }

    /** @param deadLetterProducers byte-array producers to the service's broker, for the dead-letter topics */
    public ConsumerErrorHandling(ProducerFactory<byte[], byte[]> deadLetterProducers, MeterRegistry meters) {
        this.deadLetterProducers = deadLetterProducers;
        this.deadLetters = new KafkaTemplate<>(deadLetterProducers);
        this.meters = meters;
    }

    /** Every binding leaves its retries and dead letters to the container; see {@link #configure}. */
    @Override
    public boolean retryAndDlqInBinding(String destinationName, String group) {
        return false;
    }

    @Override
    public void configure(AbstractMessageListenerContainer<?, ?> container, String destinationName, String group,
            BiFunction<ConsumerRecord<?, ?>, Exception, TopicPartition> dlqDestinationResolver, BackOff backOff) {
        configure(container, destinationName, group, dlqDestinationResolver, backOff, null);
    }

    @Override
    public void configure(AbstractMessageListenerContainer<?, ?> container, String destinationName, String group,
            BiFunction<ConsumerRecord<?, ?>, Exception, TopicPartition> dlqDestinationResolver, BackOff backOff,
            ExtendedConsumerProperties<KafkaConsumerProperties> properties) {
        container.setCommonErrorHandler(withStoreOutagesWaitedOut(destinationName,
                eventFailures(destinationName, group, dlqDestinationResolver, backOff, properties)));
    }

    private DefaultErrorHandler eventFailures(String destination, String group,
            BiFunction<ConsumerRecord<?, ?>, Exception, TopicPartition> dlqDestinationResolver, BackOff backOff,
            ExtendedConsumerProperties<KafkaConsumerProperties> properties) {
        BackOff attempts = backOff != null ? backOff : new FixedBackOff(0L, 0L);
        BiFunction<ConsumerRecord<?, ?>, Exception, TopicPartition> deadLetterTopic = properties == null
                ? dlqDestinationResolver : deadLetterTopic(destination, group, properties.getExtension());
        if (properties != null && properties.getExtension().isEnableDlq()) {
            deadLetterTopics.add(deadLetterTopicName(destination, group, properties.getExtension()));
        }
        DefaultErrorHandler handler = deadLetterTopic == null ? new DefaultErrorHandler(attempts)
                : new DefaultErrorHandler(new DeadLetterPublishingRecoverer(deadLetters, deadLetterTopic), attempts);
        handler.setRetryListeners(new RetryListener() {
            @Override
            public void failedDelivery(ConsumerRecord<?, ?> record, Exception failure, int deliveryAttempt) {
                log.atDebug().addKeyValue("topic", record.topic()).addKeyValue("offset", record.offset())
                        .addKeyValue("attempt", deliveryAttempt).log("Handling an event failed: {}", rootMessage(failure));
            }

            @Override
            public void recovered(ConsumerRecord<?, ?> record, Exception failure) {
                if (deadLetterTopic != null) {
                    countDeadLetter(meters, record.topic(), deadLetterTopic.apply(record, failure).topic());
                }
                log.atWarn().addKeyValue("topic", record.topic()).addKeyValue("partition", record.partition())
                        .addKeyValue("offset", record.offset())
                        .log("Event given up after its attempts{}: {}",
                                deadLetterTopic == null ? "" : ", put on the dead-letter topic", rootMessage(failure));
            }
        });
        if (properties != null) {
            properties.getRetryableExceptions().forEach((type, retryable) -> {
                if (Exception.class.isAssignableFrom(type)) {
                    Class<? extends Exception> exception = type.asSubclass(Exception.class);
                    if (retryable) {
                        handler.addRetryableExceptions(exception);
                    } else {
                        handler.addNotRetryableExceptions(exception);
                    }
                }
            });
        }
        return handler;
    }

    /**
     * Counts an event put on a dead-letter topic ({@code convoy.events.dead-lettered}), by the topic it came from
     * and the dead-letter topic it went to: growing means events that a person has to look at and replay.
     */
    public static void countDeadLetter(MeterRegistry meters, String topic, String deadLetterTopic) {
        Counter.builder("convoy.events.dead-lettered").tag("topic", topic).tag("dead-letter-topic", deadLetterTopic)
                .description("Events put on a dead-letter topic once their attempts were spent").register(meters)
                .increment();
    }

    /** The binding's dead-letter topic as the binder names it; null when the binding has none. */
    private static BiFunction<ConsumerRecord<?, ?>, Exception, TopicPartition> deadLetterTopic(String destination,
            String group, KafkaConsumerProperties binding) {
        if (!binding.isEnableDlq()) {
            return null;
        }
        String topic = deadLetterTopicName(destination, group, binding);
        Integer partitions = binding.getDlqPartitions();
        return (record, failure) -> new TopicPartition(topic,
                partitions == null || partitions > 1 ? record.partition() : 0);
    }

    private static String deadLetterTopicName(String destination, String group, KafkaConsumerProperties binding) {
        return StringUtils.hasText(binding.getDlqName()) ? binding.getDlqName() : "error." + destination + "." + group;
    }

    /**
     * The dead-letter topics of the bindings this configured (every binding of the service, once they are bound), in
     * the order of their names: where the service's events go when their attempts are spent.
     */
    public List<String> deadLetterTopics() {
        return deadLetterTopics.stream().sorted().toList();
    }

    /**
     * Puts a handler for the service's own failures behind the store-outage handling: a failure caused by the store
     * being away waits for it, as in every binding; any other goes to {@code eventFailures}.
     */
    public CommonErrorHandler withStoreOutagesWaitedOut(String destination, CommonErrorHandler eventFailures) {
        CommonDelegatingErrorHandler handler = new CommonDelegatingErrorHandler(eventFailures);
        handler.setCauseChainTraversing(true);
        DefaultErrorHandler outage = storeOutages(destination);
        StoreOutage.EXCEPTIONS.forEach(type -> handler.addDelegate(type, outage));
        return handler;
    }

    private DefaultErrorHandler storeOutages(String destination) {
        ExponentialBackOff untilTheStoreAnswers = new ExponentialBackOff(1000, 2.0);
        untilTheStoreAnswers.setMaxInterval(5000);
        DefaultErrorHandler handler = new DefaultErrorHandler(untilTheStoreAnswers);
        // Expected while the store is away; the retry listener says so once per event.
        handler.setLogLevel(KafkaException.Level.DEBUG);
        Counter tries = Counter.builder("convoy.events.store-unavailable").tag("topic", destination)
                .description("Deliveries of an event put back because the store could not be reached")
                .register(meters);
        handler.setRetryListeners(new RetryListener() {
            @Override
            public void failedDelivery(ConsumerRecord<?, ?> record, Exception failure, int deliveryAttempt) {
                tries.increment();
                if (deliveryAttempt == 1) {
                    log.atWarn().addKeyValue("topic", record.topic()).addKeyValue("partition", record.partition())
                            .addKeyValue("offset", record.offset())
                            .log("The store cannot be reached; the event waits and is delivered again until it answers");
                }
            }
        });
        return handler;
    }

    private static String rootMessage(Throwable failure) {
        Throwable root = failure;
        for (int depth = 0; root.getCause() != null && root.getCause() != root && depth < 20; depth++) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + ": " + root.getMessage();
    }

    @Override
    public void destroy() throws Exception {
        if (deadLetterProducers instanceof DisposableBean producers) {
            producers.destroy();
        }
    }
}
