package org.convoy.gateway.auth;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicBoolean;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * What the gateway keeps in memory from its store and reads again every {@code every}, so that a call with a token
 * costs no store call. Read once when the gateway starts; then a refresh slower than the interval (a busy store)
 * skips ticks, since without the drop the interval overflows, errors, and the refreshing stops for good. While the
 * store cannot be read, the last known state holds, and the log says so once; {@link #readWithin} tells for how long
 * it has held, so that a caller can stop trusting it after a while.
 */
abstract class RefreshedFromStore implements SmartLifecycle {

    private final Logger log = LoggerFactory.getLogger(getClass());
    private final String what;
    private final Duration every;
    private final Clock clock;
    private final AtomicBoolean failing = new AtomicBoolean();
    private volatile Disposable refreshing;
    /** When the store was last read in full; null until it was. */
    private volatile Instant lastRead;

    /** @param what what is kept, as the log says it ("revoked tokens") */
    RefreshedFromStore(String what, Duration every, Clock clock) {
        this.what = what;
        this.every = every;
        this.clock = clock;
    }

    abstract Mono<Void> refresh();

    /** Whether what is kept was read from the store within {@code maxAge}: false before the first read. */
    boolean readWithin(Duration maxAge) {
        Instant read = lastRead;
        return read != null && !clock.instant().isAfter(read.plus(maxAge));
    }

    @Override
    public void start() {
        try {
            read().block(Duration.ofSeconds(5));
        } catch (RuntimeException e) {
            log.atWarn().setCause(e).log("Could not read {} at start; trying again every {}", what, every);
        }
        refreshing = Flux.interval(every, every)
                .onBackpressureDrop()
                .concatMap(tick -> read().timeout(every.multipliedBy(5)).doOnSuccess(done -> {
                    if (failing.getAndSet(false)) {
                        log.info("Reading {} works again", what);
                    }
                }).onErrorResume(e -> {
                    if (!failing.getAndSet(true)) {
                        log.atWarn().setCause(e).log("Cannot read {} now; the last known state holds", what);
                    }
                    return Mono.empty();
                }))
                .subscribe();
    }

    /** A refresh, and the moment it began once it succeeded: whatever was recorded before then is known now. */
    private Mono<Void> read() {
        return Mono.defer(() -> {
            Instant began = clock.instant();
            return refresh().doOnSuccess(done -> lastRead = began);
        });
    }

    @Override
    public void stop() {
        Disposable running = refreshing;
        if (running != null) {
            running.dispose();
            refreshing = null;
        }
    }

    @Override
    public boolean isRunning() {
        return refreshing != null;
    }
}
