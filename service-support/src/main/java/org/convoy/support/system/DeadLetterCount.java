package org.convoy.support.system;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A service's dead letters, as its status tells organizers.
 *
 * @param kept        where they are counted: {@code KAFKA} (records on the service's dead-letter topics) or
 *                    {@code STORE} (dead letters the service keeps for organizers to replay)
 * @param waiting     those that wait for a person: every record on the topics, or the stored ones not replayed yet;
 *                    null when they could not be counted just now
 * @param by          the count by topic ({@code KAFKA}) or by status ({@code STORE})
 * @param unavailable why they could not be counted (the broker did not answer); null when they were
 */
public record DeadLetterCount(String kept, Long waiting, Map<String, Long> by, String unavailable) {

    public static final String KAFKA = "KAFKA";
    public static final String STORE = "STORE";

    public static DeadLetterCount counted(String kept, long waiting, Map<String, Long> by) {
        return new DeadLetterCount(kept, waiting, Collections.unmodifiableMap(new LinkedHashMap<>(by)), null);
    }

    public static DeadLetterCount unavailable(String kept, String why) {
        return new DeadLetterCount(kept, null, Map.of(), why);
    }
}
