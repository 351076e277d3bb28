package org.convoy.scheduling.web;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;

/** Times go out as offset date-times in the zone they are shown in (the convoy's), which views also name. */
public final class Times {

    private Times() {
    }

    public static OffsetDateTime in(Instant instant, ZoneId zone) {
        return instant == null ? null : instant.atZone(zone).toOffsetDateTime();
    }
}
