package org.convoy.notification.deadletter.messaging;

import java.time.Duration;
import java.util.List;

import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.springframework.kafka.listener.BackOffHandler;
import org.springframework.kafka.listener.ConsumerRecordRecoverer;
import org.springframework.kafka.listener.DefaultBackOffHandler;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.kafka.listener.ListenerContainerPauseService;
import org.springframework.kafka.listener.MessageListenerContainer;
import org.springframework.util.backoff.BackOff;

/**
 * Kafka's {@link DefaultErrorHandler} (seek back to the failed record, try it again after a back-off, recover it once
 * the back-off is spent), whose back-off pauses the failed record's partition instead of the consumer's thread. The
 * same thread serves every partition assigned to it, so its other partitions go on being read while the failed
 * record waits; the failed record's own partition waits behind it, which keeps the order of its key's events.
 */
final class PartitionPausingErrorHandler extends DefaultErrorHandler {

    /** The partition of the record being handled on this consumer thread, for the back-off to pause. */
    private final ThreadLocal<TopicPartition> failing;

    PartitionPausingErrorHandler(ConsumerRecordRecoverer recoverer, BackOff backOff, ListenerContainerPauseService pauser) {
        this(recoverer, backOff, pauser, new ThreadLocal<>());
    }

    private PartitionPausingErrorHandler(ConsumerRecordRecoverer recoverer, BackOff backOff,
            ListenerContainerPauseService pauser, ThreadLocal<TopicPartition> failing) {
        super(recoverer, backOff, new PausingBackOff(pauser, failing));
        this.failing = failing;
    }

    @Override
    public void handleRemaining(Exception thrownException, List<ConsumerRecord<?, ?>> records, Consumer<?, ?> consumer,
            MessageListenerContainer container) {
        ConsumerRecord<?, ?> failed = records.get(0);
        failing.set(new TopicPartition(failed.topic(), failed.partition()));
        try {
            super.handleRemaining(thrownException, records, consumer, container);
        } finally {
            failing.remove();
        }
    }

    /** Pauses the partition being handled for the back-off; sleeps only where no partition is known. */
    private static final class PausingBackOff implements BackOffHandler {

        private final ListenerContainerPauseService pauser;
        private final ThreadLocal<TopicPartition> failing;
        private final DefaultBackOffHandler sleeping = new DefaultBackOffHandler();

        PausingBackOff(ListenerContainerPauseService pauser, ThreadLocal<TopicPartition> failing) {
            this.pauser = pauser;
            this.failing = failing;
        }

        @Override
        public void onNextBackOff(MessageListenerContainer container, Exception exception, long nextBackOff) {
            TopicPartition partition = failing.get();
            if (container == null || partition == null) {
                sleeping.onNextBackOff(container, exception, nextBackOff);
            } else {
                pauser.pausePartition(container, partition, Duration.ofMillis(nextBackOff));
            }
        }
    }
}
