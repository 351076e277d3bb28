package org.convoy.notification.notice;

import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Where claimed notices are handed to their channel: a few lanes, each one thread, so the consumer goes on to the next
 * event while the SMTP server or the SMS provider answers. A delegate's notices always take the same lane and leave
 * in the order they were claimed. A full lane makes the consumer wait (it does not drop or reorder). A claim is
 * durable before it is handed over, so a notice a stopping instance had not sent yet is found by the retrier.
 *
 * <p>A notice is sent in the trace and logging context (trace id, correlation id) of the event that caused it.
 *
 * <p>{@code convoy.notification.sending-lanes: 0} sends on the consumer's own thread.
 */
@Component
class SendingLanes implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(SendingLanes.class);
    private static final int QUEUED_PER_LANE = 256;

    private final ThreadPoolExecutor[] lanes;
    private final Tracer tracer;

    SendingLanes(int count) {
        this(count, Tracer.NOOP);
    }

    @Autowired
    SendingLanes(@Value("${convoy.notification.sending-lanes:4}") int count, ObjectProvider<Tracer> tracer) {
        this(count, tracer.getIfAvailable(() -> Tracer.NOOP));
    }

    private SendingLanes(int count, Tracer tracer) {
        this.tracer = tracer;
        lanes = new ThreadPoolExecutor[count];
        AtomicInteger number = new AtomicInteger();
        for (int i = 0; i < count; i++) {
            lanes[i] = new ThreadPoolExecutor(1, 1, 0, TimeUnit.MILLISECONDS, new ArrayBlockingQueue<>(QUEUED_PER_LANE),
                    task -> {
                        Thread thread = new Thread(task, "notice-sender-" + number.incrementAndGet());
                        thread.setDaemon(true);
                        return thread;
                    }, SendingLanes::waitForRoom);
        }
    }

    /** Sends in the lane of this delegate, or here when there are no lanes. */
    void send(UUID delegateId, Runnable sending) {
        send(delegateId, null, sending);
    }

    /** @param noticeId named in the log if sending fails */
    void send(UUID delegateId, String noticeId, Runnable sending) {
        if (lanes.length == 0) {
            sending.run();
            return;
        }
        Span span = tracer.currentSpan();
        Map<String, String> logContext = MDC.getCopyOfContextMap();
        lanes[Math.floorMod(delegateId.hashCode(), lanes.length)].execute(() -> {
            if (logContext != null) {
                MDC.setContextMap(logContext);
            }
            Tracer.SpanInScope scope = tracer.withSpan(span);
            try {
                sending.run();
            } catch (RuntimeException e) {
                // The notice stays PENDING in the ledger, and the retrier sends it once it is stale.
                log.atWarn().setCause(e).addKeyValue("delegateId", delegateId).addKeyValue("noticeId", noticeId)
                        .log("Sending a notice failed");
            } finally {
                scope.close();
                MDC.clear();
            }
        });
    }

    private static void waitForRoom(Runnable task, ThreadPoolExecutor lane) {
        if (lane.isShutdown()) {
            return; // stopping: the claim stays in the ledger for the retrier
        }
        try {
            lane.getQueue().put(task);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void destroy() throws InterruptedException {
        for (ExecutorService lane : lanes) {
            lane.shutdown();
        }
        for (ExecutorService lane : lanes) {
            if (!lane.awaitTermination(10, TimeUnit.SECONDS)) {
                lane.shutdownNow();
            }
        }
    }
}
