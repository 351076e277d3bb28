package org.convoy.support.instances;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.convoy.support.test.MongoWireStore;
import org.convoy.support.test.MutableClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.MongoTemplate;

/** Two instances of a service, as two {@link TimedJobs} on the MongoDB-wire store, sharing their timed jobs. */
class TimedJobsTest {

    /** Long enough that no lease ends by itself on a busy machine; tests end them by moving the clock. */
    private static final Duration LEASE_FOR = Duration.ofMinutes(1);
    private static final Duration MARGIN = Duration.ofSeconds(10);

    private final String database = "leases-" + UUID.randomUUID().toString().substring(0, 8);
    private final MongoClient client = MongoClients.create(MongoWireStore.connectionString(database));
    private final MongoTemplate mongo = new MongoTemplate(client, database);
    private final MutableClock clock = new MutableClock();
    private final SimpleMeterRegistry metersOfA = new SimpleMeterRegistry();
    private final TimedJobs a = new TimedJobs(mongo, "instance-a", LEASE_FOR, clock, metersOfA);
    private final TimedJobs b = new TimedJobs(mongo, "instance-b", LEASE_FOR, clock, new SimpleMeterRegistry());
    private final List<String> ran = new java.util.concurrent.CopyOnWriteArrayList<>();

    @AfterEach
    void stop() {
        a.stop();
        b.stop();
        client.close();
    }

    @Test
    void oneOfTwoInstancesTakesTheJobAndKeepsItWhileItRenews() {
        assertThat(a.runIfHeld("settler", () -> ran.add("a"))).isTrue();
        assertThat(b.runIfHeld("settler", () -> ran.add("b"))).isFalse();
        clock.set(clock.instant().plus(LEASE_FOR.minus(MARGIN)));
        assertThat(a.runIfHeld("settler", () -> ran.add("a"))).as("renewed by its pass").isTrue();
        clock.set(clock.instant().plus(LEASE_FOR.minus(MARGIN)));
        assertThat(b.runIfHeld("settler", () -> ran.add("b"))).isFalse();

        assertThat(ran).containsExactly("a", "a");
        assertThat(metersOfA.get("convoy.jobs.held").tag("job", "settler").gauge().value()).isEqualTo(1);
    }

    @Test
    void whenTheHolderStopsRenewingAnotherInstanceTakesTheJobOnceTheLeaseEnds() {
        assertThat(a.runIfHeld("digest", () -> ran.add("a"))).isTrue();
        // a dies here: it neither renews nor gives the lease up.

        clock.set(clock.instant().plus(LEASE_FOR.minus(MARGIN)));
        assertThat(b.runIfHeld("digest", () -> ran.add("b"))).as("the lease has not ended").isFalse();
        clock.set(clock.instant().plus(MARGIN.multipliedBy(2)));
        assertThat(b.runIfHeld("digest", () -> ran.add("b"))).as("the lease has ended").isTrue();
        assertThat(a.runIfHeld("digest", () -> ran.add("a"))).as("a, back, finds the job taken").isFalse();

        assertThat(ran).containsExactly("a", "b");
        assertThat(a.holds("digest")).isFalse();
        assertThat(b.holds("digest")).isTrue();
        assertThat(metersOfA.get("convoy.jobs.held").tag("job", "digest").gauge().value()).isZero();
    }

    @Test
    void anInstanceThatStopsGivesItsJobsUpAtOnce() {
        a.start();
        assertThat(a.runIfHeld("retrier", () -> ran.add("a"))).isTrue();
        assertThat(b.runIfHeld("retrier", () -> ran.add("b"))).isFalse();

        a.stop();

        assertThat(b.runIfHeld("retrier", () -> ran.add("b"))).as("without waiting for the lease to end").isTrue();
        assertThat(ran).containsExactly("a", "b");
    }

    @Test
    void aPassDueWhileThePreviousOneStillRunsInTheSameInstanceIsSkipped() {
        AtomicInteger nested = new AtomicInteger();

        assertThat(a.runIfHeld("settler", () -> {
            ran.add("a");
            if (a.runIfHeld("settler", () -> ran.add("a again"))) {
                nested.incrementAndGet();
            }
        })).isTrue();

        assertThat(ran).containsExactly("a");
        assertThat(nested).hasValue(0);
    }

    @Test
    void aJobBothInstancesScheduleRunsInOneOfThemOnlyWhileItsHolderRenewsTheLeaseBetweenPasses() {
        // The first instance's passes come due less often than the lease lasts, the second's ten times a second: only
        // the first's renewals in between keep the job where it is.
        Duration lease = Duration.ofSeconds(2);
        TimedJobs first = new TimedJobs(mongo, "first", lease, clock, new SimpleMeterRegistry());
        TimedJobs second = new TimedJobs(mongo, "second", lease, clock, new SimpleMeterRegistry());
        AtomicInteger running = new AtomicInteger();
        AtomicInteger mostAtOnce = new AtomicInteger();
        var passes = new ConcurrentHashMap<String, AtomicInteger>();
        ScheduledExecutorService schedulers = Executors.newScheduledThreadPool(2);
        first.start();
        second.start();
        try {
            for (var instance : List.of(first, second)) {
                String name = instance == first ? "first" : "second";
                schedulers.scheduleWithFixedDelay(() -> instance.runIfHeld("agenda-digest", () -> {
                    mostAtOnce.accumulateAndGet(running.incrementAndGet(), Math::max);
                    passes.computeIfAbsent(name, n -> new AtomicInteger()).incrementAndGet();
                    running.decrementAndGet();
                }), instance == first ? 0 : 200, instance == first ? lease.toMillis() + 100 : 100,
                        TimeUnit.MILLISECONDS);
            }
            // Three of the first's periods, or as long for the second should it have taken the job first.
            await().atMost(Duration.ofSeconds(30))
                    .until(() -> passes.getOrDefault("first", new AtomicInteger()).get() >= 3
                            || passes.getOrDefault("second", new AtomicInteger()).get() >= 60);
        } finally {
            schedulers.shutdownNow();
            first.stop();
            second.stop();
        }

        assertThat(passes).as("passes by instance").hasSize(1);
        assertThat(mostAtOnce).hasValue(1);
    }
}
