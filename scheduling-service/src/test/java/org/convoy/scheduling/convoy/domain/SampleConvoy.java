package org.convoy.scheduling.convoy.domain;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;

import org.convoy.scheduling.convoy.ConvoySeed;

/**
 * The convoy that ships with the product, California 2023 (zone America/Los_Angeles), as its seed file has it:
 * Los Angeles on 27 and 28 February, Los Angeles then San José on 1 March, San José on 2 March, San Francisco on
 * 3 March.
 */
public final class SampleConvoy {

    public static final String ID = "california-2023";
    /** A day in Los Angeles. */
    public static final LocalDate IN_LOS_ANGELES = LocalDate.of(2023, 2, 27);
    /** The second day in Los Angeles. */
    public static final LocalDate AGAIN_IN_LOS_ANGELES = LocalDate.of(2023, 2, 28);
    /** Mornings in Los Angeles, afternoons in San José. */
    public static final LocalDate TRAVEL_DAY = LocalDate.of(2023, 3, 1);
    public static final LocalDate IN_SAN_JOSE = LocalDate.of(2023, 3, 2);
    public static final LocalDate IN_SAN_FRANCISCO = LocalDate.of(2023, 3, 3);

    private static final Convoy CALIFORNIA = read();

    private SampleConvoy() {
    }

    public static Convoy california() {
        return CALIFORNIA;
    }

    /** A moment of a convoy day as people there read it, e.g. {@code at(IN_SAN_JOSE, "10:30")}. */
    public static Instant at(LocalDate date, String localTime) {
        return date.atTime(LocalTime.parse(localTime)).atZone(CALIFORNIA.zoneId()).toInstant();
    }

    private static Convoy read() {
        return ConvoySeed.read().stream().filter(convoy -> convoy.id().equals(ID)).findFirst()
                .orElseThrow(() -> new IllegalStateException("The seed has no convoy " + ID));
    }
}
