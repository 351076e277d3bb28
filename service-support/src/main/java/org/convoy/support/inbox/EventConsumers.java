package org.convoy.support.inbox;

import io.micrometer.core.instrument.MeterRegistry;
import org.convoy.events.EventCodec;
import org.convoy.support.tracing.TraceContexts;

/**
 * Builds the idempotent consumers of a service, for example:
 * <pre>{@code
 * @Bean
 * Consumer<Message<byte[]>> delegateEvents(EventConsumers consumers, DelegateReadModel readModel) {
 *     return consumers.named("delegate-read-model")
 *             .on(DelegateRegistered.class, readModel::registered)
 *             .build();
 * }
 * }</pre>
 */
public class EventConsumers {

    private final ProcessedEvents processed;
    private final EventCodec codec;
    private final MeterRegistry meters;
    private final TraceContexts contexts;

    public EventConsumers(ProcessedEvents processed, EventCodec codec, MeterRegistry meters) {
        this(processed, codec, meters, TraceContexts.none());
    }

    /** @param contexts tags the binder's consumer span with the event's ids */
    public EventConsumers(ProcessedEvents processed, EventCodec codec, MeterRegistry meters, TraceContexts contexts) {
        this.processed = processed;
        this.codec = codec;
        this.meters = meters;
        this.contexts = contexts;
    }

    /** @param name the consumer's name, unique within the service: handled events are remembered under it */
    public IdempotentEventConsumer.Builder named(String name) {
        return new IdempotentEventConsumer.Builder(name, processed, codec, meters, contexts);
    }
}
