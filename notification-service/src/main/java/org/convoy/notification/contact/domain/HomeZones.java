package org.convoy.notification.contact.domain;

import java.time.ZoneId;
import java.util.Map;

/**
 * The time zone a delegate lives in, from their Mexican state: where quiet hours are counted for notices that are
 * not about a meeting (those count in the meeting's zone, where the delegate then is).
 */
public final class HomeZones {

    private static final ZoneId CENTRAL = ZoneId.of("America/Mexico_City");
    private static final Map<String, ZoneId> BY_STATE = Map.of(
            "MX-BCN", ZoneId.of("America/Tijuana"),
            "MX-BCS", ZoneId.of("America/Mazatlan"),
            "MX-SIN", ZoneId.of("America/Mazatlan"),
            "MX-NAY", ZoneId.of("America/Mazatlan"),
            "MX-SON", ZoneId.of("America/Hermosillo"),
            "MX-CHH", ZoneId.of("America/Chihuahua"),
            "MX-ROO", ZoneId.of("America/Cancun"));

    private HomeZones() {
    }

    public static String of(String state) {
        return BY_STATE.getOrDefault(state, CENTRAL).getId();
    }
}
