package org.convoy.support.tracing;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationPredicate;
import org.springframework.cloud.function.observability.FunctionContext;
import org.springframework.integration.support.management.observation.MessageSenderContext;

/**
 * Leaves out of the traces the two observations a published event would otherwise add around the one that matters:
 * Spring Integration's producer span ({@code <topic> send}, kind PRODUCER, the same name as the Kafka template's) and
 * Spring Cloud Function's span around {@code StreamBridge}'s internal function ({@code streamBridge process}). What
 * stays is {@code publish <event type>} (the relay's, with the event's ids) and under it the Kafka template's producer
 * span, which writes the record's {@code traceparent} that consumers continue. The consumers' own function spans
 * ({@code <binding> process}, carrying the event's ids) are kept.
 */
public class QuietPublishSpans implements ObservationPredicate {

    /** The function {@code StreamBridge} sends through, under its definition's name. */
    static final String STREAM_BRIDGE_FUNCTION = "streamBridge";

    @Override
    public boolean test(String name, Observation.Context context) {
        if (context instanceof MessageSenderContext) {
            return false;
        }
        return !(context instanceof FunctionContext function && function.getTargetFunction() != null
                && STREAM_BRIDGE_FUNCTION.equals(function.getTargetFunction().getFunctionDefinition()));
    }
}
