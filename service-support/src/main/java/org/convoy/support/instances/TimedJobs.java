package org.convoy.support.instances;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.data.mongodb.core.MongoOperations;

/**
 * Runs each timed job of a service in one instance at a time, however many instances run: a job's pass runs only in
 * the instance that holds the job's {@link JobLease}. The holder renews its leases every third of
 * {@code convoy.jobs.lease-for}, between passes and during long ones, so it keeps its jobs as long as it lives; when it
 * dies the lease ends within {@code lease-for}, and the first instance whose job comes due after that takes it. An
 * instance that stops normally gives its leases up at once.
 *
 * <p>A pass that outlasts its lease (the holder lost the store for longer than {@code lease-for}) may overlap the
 * next holder's first pass, so the jobs guarded here stay safe to repeat; the lease spares the work and the races,
 * not the correctness.
 */
public class TimedJobs implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(TimedJobs.class);

    private final MongoOperations mongo;
    private final String owner;
    private final Duration leaseFor;
    private final Clock clock;
    private final MeterRegistry meters;
    private final Map<String, JobLease> leases = new ConcurrentHashMap<>();
    private final Set<String> runningHere = ConcurrentHashMap.newKeySet();
    private ScheduledExecutorService renewer;

    /**
     * @param owner    the name of this instance; every instance must have its own
     * @param leaseFor how long a lease lasts after its last renewal
     * @param clock    the time leases are measured in (the system's: instances compare their leases' ends)
     */
    public TimedJobs(MongoOperations mongo, String owner, Duration leaseFor, Clock clock, MeterRegistry meters) {
        this.mongo = mongo;
        this.owner = owner;
        this.leaseFor = leaseFor;
        this.clock = clock;
        this.meters = meters;
    }

    /**
     * Runs one pass of {@code job} if this instance holds its lease or can take it now, and no pass of it is running
     * here already; otherwise it does nothing (another instance runs the job, or this one is at it).
     *
     * @return whether the pass ran here
     */
    public boolean runIfHeld(String job, Runnable pass) {
        if (!runningHere.add(job)) {
            return false;
        }
        try {
            return runHeld(job, pass);
        } finally {
            runningHere.remove(job);
        }
    }

    private boolean runHeld(String job, Runnable pass) {
        JobLease lease = lease(job);
        boolean heldBefore = lease.held();
        if (!lease.acquire()) {
            if (heldBefore) {
                log.atInfo().addKeyValue("job", job).log("Another instance took this job over");
            }
            return false;
        }
        if (!heldBefore) {
            log.atInfo().addKeyValue("job", job).addKeyValue("instance", owner).log("This instance runs the job now");
        }
        pass.run();
        return true;
    }

    /** Whether this instance holds the lease of {@code job}, as it last learned. */
    public boolean holds(String job) {
        JobLease lease = leases.get(job);
        return lease != null && lease.held();
    }

    private JobLease lease(String job) {
        return leases.computeIfAbsent(job, name -> {
            JobLease lease = new JobLease(mongo, name, owner, leaseFor, clock);
            Gauge.builder("convoy.jobs.held", lease, held -> held.held() ? 1 : 0).tag("job", name).register(meters);
            return lease;
        });
    }

    /** Renews every lease this instance holds; one it lost, or cannot renew before it ends, it no longer holds. */
    void renewHeld() {
        for (JobLease lease : leases.values()) {
            if (!lease.held()) {
                continue;
            }
            try {
                if (!lease.acquire()) {
                    log.atInfo().addKeyValue("job", lease.job()).log("Another instance took this job over");
                }
            } catch (RuntimeException e) {
                log.atWarn().addKeyValue("job", lease.job()).setCause(e).log("Could not renew the job's lease now");
            }
        }
    }

    @Override
    public void start() {
        renewer = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "job-leases");
            thread.setDaemon(true);
            return thread;
        });
        long every = Math.max(1, leaseFor.dividedBy(3).toMillis());
        renewer.scheduleWithFixedDelay(this::renewHeld, every, every, TimeUnit.MILLISECONDS);
    }

    /** Gives up every lease this instance holds, so that other instances take its jobs at once. */
    @Override
    public void stop() {
        if (renewer == null) {
            return;
        }
        renewer.shutdownNow();
        renewer = null;
        for (JobLease lease : leases.values()) {
            if (lease.held()) {
                try {
                    lease.release();
                } catch (RuntimeException e) {
                    log.atWarn().addKeyValue("job", lease.job()).setCause(e)
                            .log("Could not give the job's lease up; another instance takes it when it ends");
                }
            }
        }
    }

    @Override
    public boolean isRunning() {
        return renewer != null;
    }
}
