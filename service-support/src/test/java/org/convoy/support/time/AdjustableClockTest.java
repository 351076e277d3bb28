package org.convoy.support.time;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.core.env.SystemEnvironmentPropertySource;

class AdjustableClockTest {

    static final Instant NOW = Instant.parse("2027-03-01T17:00:00Z");
    static final Clock SYSTEM = Clock.fixed(NOW, ZoneOffset.UTC);

    @TempDir
    Path dir;

    @Test
    void withoutAFileItIsTheSystemClock() {
        AdjustableClock clock = new AdjustableClock(SYSTEM, null, Duration.ZERO);

        assertThat(clock.instant()).isEqualTo(NOW);
        assertThat(clock.adjustable()).isFalse();
        assertThat(AdjustableClock.real(clock)).isSameAs(SYSTEM);
    }

    @Test
    void runsAtTheOffsetTheFileHoldsAndFollowsItWhenItChanges() throws Exception {
        Path file = Files.writeString(dir.resolve("clock"), "PT0S\n");
        AdjustableClock clock = new AdjustableClock(SYSTEM, file, Duration.ZERO);
        assertThat(clock.instant()).isEqualTo(NOW);

        Files.writeString(file, "P1DT-2H");
        assertThat(clock.instant()).isEqualTo(Instant.parse("2027-03-02T15:00:00Z"));

        Files.writeString(file, "P1DT-3H");
        assertThat(clock.instant()).as("a write of the same length").isEqualTo(Instant.parse("2027-03-02T14:00:00Z"));
        assertThat(clock.offset()).isEqualTo(Duration.parse("PT21H"));
    }

    @Test
    void aFileThatIsNotADurationKeepsTheLastOffsetAndAMissingFileMeansNone() throws Exception {
        Path file = Files.writeString(dir.resolve("clock"), "PT1H");
        AdjustableClock clock = new AdjustableClock(SYSTEM, file, Duration.ZERO);
        assertThat(clock.instant()).isEqualTo(NOW.plusSeconds(3600));

        Files.writeString(file, "tomorrow");
        assertThat(clock.instant()).isEqualTo(NOW.plusSeconds(3600));

        Files.delete(file);
        assertThat(clock.instant()).isEqualTo(NOW);
    }

    @Test
    void looksAtTheFileNoMoreOftenThanItIsTold() throws Exception {
        Path file = Files.writeString(dir.resolve("clock"), "PT0S");
        AdjustableClock clock = new AdjustableClock(SYSTEM, file, Duration.ofHours(1));
        assertThat(clock.instant()).isEqualTo(NOW);

        Files.writeString(file, "PT5M");

        assertThat(clock.instant()).as("not looked at again within the hour").isEqualTo(NOW);
    }

    @Test
    void theLauncherNamesTheFileInTheEnvironment() {
        var environment = new SystemEnvironmentPropertySource("env", Map.of("CONVOY_CLOCK_FILE", "/data/clock"));

        ClockProperties properties = new Binder(ConfigurationPropertySources.from(environment))
                .bind("convoy.clock", ClockProperties.class).get();

        assertThat(properties.file()).isEqualTo(Path.of("/data/clock"));
    }

    @Test
    void tokenChecksKeepTheRealTime() {
        AdjustableClock clock = AdjustableClock.of(dir.resolve("clock"));

        assertThat(AdjustableClock.real(clock)).isEqualTo(Clock.systemUTC());
        assertThat(AdjustableClock.real(SYSTEM)).isSameAs(SYSTEM);
    }
}
