package org.convoy.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The fault suite's short version ({@code ./fault-suite.sh} is the long one): two instances of each service and two
 * gateways on the embedded broker and store, registrations, approvals and meetings through the gateways, and one
 * SIGKILL of each kind of process in turn (registration, scheduling, notification, a gateway), each started again;
 * then nothing acknowledged is lost or sent twice, no consumer group is behind, no outbox holds an event, and every
 * poison event put on the topics is a dead letter.
 */
class FaultSuiteIT {

    @TempDir
    Path dataDir;

    @Test
    void aKillOfEachKindOfProcessLosesNothingAndSendsNothingTwice() throws Exception {
        Path report = Path.of("target", "fault-suite");
        List<String> args = new ArrayList<>(List.of("--home=" + Path.of("").toAbsolutePath().getParent(),
                "--data-dir=" + dataDir, "--report=" + report, "--kafka-brokers=1", "--kills=1",
                "--kill-every=20", "--calm=15", "--rate=2", "--settle=180"));
        args.addAll(ports());

        FaultChecks.Outcome outcome = new FaultSuite(FaultSuite.Settings.from(args.toArray(String[]::new))).run();

        assertThat(outcome.problems()).as(Files.readString(report.resolve("report.md"))).isEmpty();
        assertThat(outcome.faults()).extracting(fault -> fault[0]).containsExactlyInAnyOrder(PlatformConfig.GATEWAY,
                PlatformConfig.NOTIFICATION, PlatformConfig.REGISTRATION, PlatformConfig.SCHEDULING);
        assertThat(outcome.rows()).allSatisfy(row -> assertThat(row.lost() + row.duplicated()).isZero());
        assertThat(outcome.rows()).filteredOn(row -> row.what().startsWith("welcome emails"))
                .singleElement().satisfies(row -> assertThat(row.acknowledged()).isGreaterThan(100));
        assertThat(outcome.rows()).filteredOn(row -> row.what().startsWith("invitation"))
                .allSatisfy(row -> assertThat(row.acknowledged()).isPositive());
    }

    /**
     * The launcher's ports on a random base below the ephemeral range, with the next instances' ports (a hundred and
     * two hundred above) free as well.
     */
    private static List<String> ports() {
        List<String> names = List.of(PlatformConfig.GATEWAY, PlatformConfig.REGISTRATION, PlatformConfig.SCHEDULING,
                PlatformConfig.NOTIFICATION, PlatformConfig.KAFKA, PlatformConfig.KAFKA_CONTROLLER,
                PlatformConfig.MONGO, PlatformConfig.SMTP, PlatformConfig.MAIL_PAGE, PlatformConfig.GATEWAY_MANAGEMENT);
        for (int attempt = 0; attempt < 100; attempt++) {
            int base = ThreadLocalRandom.current().nextInt(200, 310) * 100;
            boolean free = true;
            for (int i = 0; i < names.size() && free; i++) {
                free = Ports.isFree(base + i) && Ports.isFree(base + i + PlatformConfig.INSTANCE_PORT_STEP);
            }
            if (free) {
                List<String> args = new ArrayList<>();
                for (int i = 0; i < names.size(); i++) {
                    args.add("--" + PlatformConfig.portKey(names.get(i)) + "=" + (base + i));
                }
                return args;
            }
        }
        throw new IllegalStateException("No free block of ports");
    }
}
