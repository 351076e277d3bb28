package org.convoy.notification.deadletter.messaging;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;

import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.convoy.events.Topics;
import org.convoy.notification.deadletter.ContactNotKnownYet;
import org.convoy.notification.deadletter.DeadLetters;
import org.convoy.support.inbox.ConsumerErrorHandling;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.cloud.stream.binder.ExtendedConsumerProperties;
import org.springframework.cloud.stream.binder.kafka.ListenerContainerWithDlqAndRetryCustomizer;
import org.springframework.cloud.stream.binder.kafka.properties.KafkaConsumerProperties;
import org.springframework.kafka.core.ProducerFactory;
import org.springframework.kafka.listener.AbstractMessageListenerContainer;
import org.springframework.kafka.listener.ListenerContainerPauseService;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;
import org.springframework.stereotype.Component;
import org.springframework.util.backoff.BackOff;
import org.springframework.util.backoff.BackOffExecution;
import org.springframework.util.backoff.FixedBackOff;

/**
 * Retries and dead letters of the bindings that send notices to delegates, the delegate and the meeting streams, in
 * place of the binder's. An event whose handler failed is tried again as the binding's retry settings say
 * ({@code max-attempts}, back-off, {@code retryable-exceptions}), then {@link DeadLetters#eventFailed put on the
 * dead-letter topic} with its ids; it is marked handled only once it succeeds. Between attempts only the event's own
 * partition is paused: the consumer's thread goes on with its other partitions.
 *
 * <p>A notice to a delegate whose contact is not known yet ({@link ContactNotKnownYet}) waits for it: on the meeting
 * stream the event is tried again for {@link ContactWaitProperties#window()} (the contact comes from the delegate
 * stream, and may come a moment later), holding up the events behind it in its partition; on the delegate stream it
 * is dead-lettered at once, since a delegate's contact comes from her own earlier events in that same partition, which
 * waiting cannot bring.
 *
 * <p>An event whose handling failed because the store was away waits for the store, on these bindings as on every
 * other ({@link ConsumerErrorHandling}); every other binding is left to {@link ConsumerErrorHandling} altogether.
 */
@Component
class EventRetries implements ListenerContainerWithDlqAndRetryCustomizer, DisposableBean {

    /** The destinations whose failed events this handles. */
    static final Set<String> DESTINATIONS = Set.of(Topics.DELEGATES, Topics.MEETINGS);

    private static final Duration FIRST_CONTACT_WAIT = Duration.ofMillis(500);

    private final DeadLetters letters;
    private final ContactWaitProperties contactWait;
    private final Clock clock;
    /** Resumes paused partitions; a thread of its own, so no scheduled task can hold a partition up. */
    private final ThreadPoolTaskScheduler resumer = new ThreadPoolTaskScheduler();
    private final ListenerContainerPauseService pauser;

    private final ConsumerErrorHandling everyBinding;

    EventRetries(DeadLetters letters, ContactWaitProperties contactWait, Clock clock, ProducerFactory<?, ?> producers,
            MeterRegistry meters) {
        this.letters = letters;
        this.contactWait = contactWait;
        this.clock = clock;
        this.everyBinding = ConsumerErrorHandling.over(producers, meters);
        resumer.setThreadNamePrefix("event-retry-");
        resumer.setDaemon(true);
        resumer.initialize();
        pauser = new ListenerContainerPauseService(null, resumer);
    }

    /** Every binding leaves its retries and dead letters to its container. */
    @Override
    public boolean retryAndDlqInBinding(String destinationName, String group) {
        return false;
    }

    @Override
    public void configure(AbstractMessageListenerContainer<?, ?> container, String destinationName, String group,
            BiFunction<ConsumerRecord<?, ?>, Exception, TopicPartition> dlqDestinationResolver, BackOff backOff) {
        if (!DESTINATIONS.contains(destinationName)) {
            everyBinding.configure(container, destinationName, group, dlqDestinationResolver, backOff);
            return;
        }
        configure(container, destinationName, backOff, Map.of(), true);
    }

    @Override
    public void configure(AbstractMessageListenerContainer<?, ?> container, String destinationName, String group,
            BiFunction<ConsumerRecord<?, ?>, Exception, TopicPartition> dlqDestinationResolver, BackOff backOff,
            ExtendedConsumerProperties<KafkaConsumerProperties> properties) {
        if (!DESTINATIONS.contains(destinationName)) {
            everyBinding.configure(container, destinationName, group, dlqDestinationResolver, backOff, properties);
            return;
        }
        configure(container, destinationName, backOff, properties.getRetryableExceptions(),
                properties.isDefaultRetryable());
    }

    private void configure(AbstractMessageListenerContainer<?, ?> container, String destinationName, BackOff backOff,
            Map<Class<? extends Throwable>, Boolean> retryable, boolean defaultRetryable) {
        PartitionPausingErrorHandler handler = new PartitionPausingErrorHandler(
                (record, failure) -> letters.eventFailed(record, why(failure)),
                backOff == null ? new FixedBackOff(0L, 0L) : backOff, pauser);
        if (!defaultRetryable) {
            handler.defaultFalse(true);
        }
        retryable.forEach((type, retry) -> {
            if (Exception.class.isAssignableFrom(type)) {
                if (retry) {
                    handler.addRetryableExceptions(type.asSubclass(Exception.class));
                } else {
                    handler.addNotRetryableExceptions(type.asSubclass(Exception.class));
                }
            }
        });
        if (Topics.MEETINGS.equals(destinationName)) {
            handler.setBackOffFunction((record, failure) -> find(failure) instanceof ContactNotKnownYet
                    ? untilContactWaitEnds() : null);
        } else {
            handler.addNotRetryableExceptions(ContactNotKnownYet.class);
        }
        container.setCommonErrorHandler(everyBinding.withStoreOutagesWaitedOut(destinationName, handler));
    }

    /**
     * Tries again after half a second, then twice as long each time up to the interval, until the window has passed
     * on the service's clock since the first failure.
     */
    private BackOff untilContactWaitEnds() {
        Duration longest = contactWait.interval();
        return () -> {
            Instant deadline = clock.instant().plus(contactWait.window());
            return new BackOffExecution() {

                private Duration next = FIRST_CONTACT_WAIT.compareTo(longest) < 0 ? FIRST_CONTACT_WAIT : longest;

                @Override
                public long nextBackOff() {
                    if (!clock.instant().isBefore(deadline)) {
                        return STOP;
                    }
                    Duration pause = next;
                    next = next.multipliedBy(2).compareTo(longest) < 0 ? next.multipliedBy(2) : longest;
                    return pause.toMillis();
                }
            };
        };
    }

    /** Why the event failed: the first exception that is not the framework's wrapping of it. */
    private static Throwable why(Throwable failure) {
        Throwable found = find(failure);
        return found == null ? failure : found;
    }

    private static Throwable find(Throwable failure) {
        Throwable current = failure;
        for (int depth = 0; current != null && depth < 20; depth++) {
            if (!current.getClass().getName().startsWith("org.springframework.")) {
                return current;
            }
            current = current.getCause();
        }
        return null;
    }

    @Override
    public void destroy() throws Exception {
        resumer.shutdown();
        everyBinding.destroy();
    }
}
