package org.convoy.scheduling.convoy;

import java.time.LocalDate;
import java.util.Map;
import java.util.Set;

/**
 * What other features know that a change to a convoy must respect. Implemented by the features that know it
 * (meetings, delegates), so that the convoy feature depends on none of them.
 */
public final class ConvoyReferences {

    private ConvoyReferences() {
    }

    /** The days on which a convoy has confirmed meetings, in the convoy's zone. */
    public interface ConfirmedMeetingDays {

        Set<LocalDate> confirmedMeetingDays(String convoyId);
    }

    /** The places delegates hold in a convoy by role, as scheduling last heard of them. */
    public interface HeldPlaces {

        Map<String, Integer> heldPlaces(String convoyId);
    }
}
