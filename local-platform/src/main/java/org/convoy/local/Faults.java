package org.convoy.local;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The fault suite's SIGKILLs: each time the next kind of process in turn (each service, the gateway, and on a cluster
 * a Kafka broker), one of its instances in turn, killed outright and started again after {@code restartAfter}, as a
 * supervisor (systemd, an orchestrator) would. A kind is skipped while one of its instances is still coming back:
 * the suite kills one process at a time, and never the last running instance of anything.
 */
final class Faults implements AutoCloseable {

    /** What can be killed and started again. */
    interface Victim {

        String name();

        String kind();

        boolean isAlive();

        boolean isReady();

        void kill();

        void start();
    }

    private final Platform platform;
    private final Duration restartAfter;
    private final List<String> kinds = new ArrayList<>();
    private final Map<String, Integer> turns = new HashMap<>();
    private final ScheduledExecutorService restarts = Executors.newSingleThreadScheduledExecutor(
            FaultLoad.daemon("fault-restart"));
    private int next;

    Faults(Platform platform, Duration restartAfter) {
        this.platform = platform;
        this.restartAfter = restartAfter;
        kinds.addAll(List.of(PlatformConfig.REGISTRATION, PlatformConfig.SCHEDULING, PlatformConfig.NOTIFICATION,
                PlatformConfig.GATEWAY));
        kinds.addAll(Victims.brokerKinds(platform));
    }

    List<String> kinds() {
        return List.copyOf(kinds);
    }

    /** Kills the next process in turn, if one may be killed now, of a kind killed fewer than {@code most} times. */
    synchronized Optional<FaultSuite.Kill> killNext(int most) {
        for (int tried = 0; tried < kinds.size(); tried++) {
            String kind = kinds.get(next++ % kinds.size());
            if (turns.getOrDefault(kind, 0) >= most) {
                continue;
            }
            List<Victim> instances = Victims.of(platform, kind);
            if (instances.size() < 2 || !instances.stream().allMatch(victim -> victim.isAlive() && victim.isReady())) {
                continue;
            }
            int turn = turns.merge(kind, 1, Integer::sum) - 1;
            Victim victim = Victims.choose(platform, kind, instances, turn);
            long at = System.currentTimeMillis();
            victim.kill();
            restarts.schedule(victim::start, restartAfter.toMillis(), TimeUnit.MILLISECONDS);
            return Optional.of(new FaultSuite.Kill(kind, victim.name(), at));
        }
        return Optional.empty();
    }

    /** Whether every kind of process was killed at least this many times. */
    synchronized boolean killedAtLeast(int times) {
        return kinds.stream().allMatch(kind -> turns.getOrDefault(kind, 0) >= times);
    }

    /** Waits until every process is running and ready again. */
    void awaitAllBack(Duration limit) {
        long deadline = System.nanoTime() + limit.toNanos();
        while (System.nanoTime() < deadline) {
            boolean all = kinds.stream().flatMap(kind -> Victims.of(platform, kind).stream())
                    .allMatch(victim -> victim.isAlive() && victim.isReady());
            if (all) {
                return;
            }
            FaultLoad.pause(Duration.ofMillis(500));
        }
        FaultSuite.say("  (not every process was back after " + limit.toSeconds() + " s)");
    }

    @Override
    public void close() {
        restarts.shutdownNow();
    }
}
