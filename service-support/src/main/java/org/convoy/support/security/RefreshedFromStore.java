package org.convoy.support.security;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * What a service keeps in memory from its own store and reads again every {@code every}, on a daemon thread of its
 * own, so that checking a token against it costs no store call. Its indexes are made when it starts; a store that is
 * away at that moment, or at a refresh, is tried again at the next one, and the log says so once.
 */
abstract class RefreshedFromStore implements SmartLifecycle {

    private final Logger log = LoggerFactory.getLogger(getClass());
    private final String what;
    private final Duration every;
    private ScheduledExecutorService executor;
    private boolean failing;

    /** @param what what is kept, as log lines and the thread name say it ("logged-out tokens") */
    RefreshedFromStore(String what, Duration every) {
        this.what = what;
        this.every = every;
    }

    abstract void createIndexes();

    abstract void refresh();

    @Override
    public void start() {
        try {
            createIndexes();
        } catch (RuntimeException e) {
            log.atWarn().setCause(e).log("Could not create the indexes of {} now", what);
        }
        executor = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, what.replace(' ', '-'));
            thread.setDaemon(true);
            return thread;
        });
        executor.scheduleWithFixedDelay(this::safeRefresh, 0, every.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void safeRefresh() {
        try {
            refresh();
            if (failing) {
                failing = false;
                log.info("Reading {} works again", what);
            }
        } catch (RuntimeException e) {
            // Said once, not at every refresh while the store is away; the last known state holds meanwhile.
            if (!failing) {
                failing = true;
                log.atWarn().setCause(e).log("Could not read {}; the last known state holds, trying again every {}",
                        what, every);
            }
        }
    }

    @Override
    public void stop() {
        if (executor != null) {
            executor.shutdownNow();
            executor = null;
        }
    }

    @Override
    public boolean isRunning() {
        return executor != null;
    }
}
