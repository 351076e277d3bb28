package org.convoy.local;

import java.util.List;

/** The processes of the platform the fault suite may kill, by kind. */
final class Victims {

    private Victims() {
    }

    /** The kinds of broker process to kill: none when the broker runs inside the launcher. */
    static List<String> brokerKinds(Platform platform) {
        return List.of();
    }

    static List<Faults.Victim> of(Platform platform, String kind) {
        return platform.services().stream().filter(service -> service.kind().equals(kind))
                .map(service -> (Faults.Victim) new ServiceVictim(service)).toList();
    }

    /** Which instance to kill on this turn: each in turn. */
    static Faults.Victim choose(Platform platform, String kind, List<Faults.Victim> instances, int turn) {
        return instances.get(turn % instances.size());
    }

    private record ServiceVictim(ServiceProcess service) implements Faults.Victim {

        @Override
        public String name() {
            return service.name();
        }

        @Override
        public String kind() {
            return service.kind();
        }

        @Override
        public boolean isAlive() {
            return service.isAlive();
        }

        @Override
        public boolean isReady() {
            return service.isReady();
        }

        @Override
        public void kill() {
            service.kill();
        }

        @Override
        public void start() {
            service.start();
        }
    }
}
