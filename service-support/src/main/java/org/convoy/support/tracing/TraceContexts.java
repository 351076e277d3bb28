package org.convoy.support.tracing;

import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;

import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;
import org.slf4j.MDC;

/**
 * The trace context and correlation id of the work in hand, written down so that work done later on another thread
 * (the outbox relay publishing an event a request recorded) continues it, and read back there.
 */
public final class TraceContexts {

    /** The W3C trace context header, e.g. {@code 00-<trace id>-<span id>-01}. */
    public static final String TRACEPARENT = "traceparent";

    /** The correlation id's header, on HTTP requests and on Kafka records alike. */
    public static final String CORRELATION_HEADER = "X-Correlation-Id";

    /** The correlation id's key in the logging context ({@code logging.pattern.correlation}). */
    public static final String CORRELATION_MDC_KEY = "correlationId";

    private final Tracer tracer;
    private final Propagator propagator;

    public TraceContexts(Tracer tracer, Propagator propagator) {
        this.tracer = tracer;
        this.propagator = propagator;
    }

    /** Neither records nor continues traces: for services and tests without tracing. */
    public static TraceContexts none() {
        return new TraceContexts(Tracer.NOOP, Propagator.NOOP);
    }

    public Tracer tracer() {
        return tracer;
    }

    /** @return the current span's {@code traceparent}, or null outside any trace */
    public String currentTraceparent() {
        Span current = tracer.currentSpan();
        if (current == null) {
            return null;
        }
        Map<String, String> carrier = new HashMap<>();
        propagator.inject(current.context(), carrier, Map::put);
        return carrier.get(TRACEPARENT);
    }

    /** @return the correlation id of the request or event in hand, or null */
    public static String currentCorrelationId() {
        return MDC.get(CORRELATION_MDC_KEY);
    }

    /**
     * Starts a span named {@code name} as a child of the span {@code traceparent} names, or as the root of a new trace
     * when it is null or unreadable.
     */
    public Span startChildOf(String traceparent, String name) {
        if (traceparent == null || traceparent.isBlank()) {
            return tracer.nextSpan().name(name).start();
        }
        return propagator.extract(Map.of(TRACEPARENT, traceparent), Map::get).name(name).start();
    }

    /**
     * Does {@code work} in {@code span} (the span in scope, {@code correlationId} in the logging context, or none when
     * null), records what it throws on the span, then ends the span and puts back the correlation id there was.
     */
    public <T> T within(Span span, String correlationId, Supplier<T> work) {
        String correlationBefore = currentCorrelationId();
        putCorrelation(correlationId);
        Tracer.SpanInScope scope = tracer.withSpan(span);
        try {
            return work.get();
        } catch (RuntimeException e) {
            span.error(e);
            throw e;
        } finally {
            scope.close();
            span.end();
            putCorrelation(correlationBefore);
        }
    }

    private static void putCorrelation(String correlationId) {
        if (correlationId == null) {
            MDC.remove(CORRELATION_MDC_KEY);
        } else {
            MDC.put(CORRELATION_MDC_KEY, correlationId);
        }
    }
}
