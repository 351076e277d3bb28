package org.convoy.events;

import java.time.Instant;
import java.util.UUID;

/**
 * A delegate's personal data changed; the profile is the whole new profile. When the change matters to the
 * organizers' decision (a new organization or position), an approved delegate goes back to review:
 * {@code reviewRequired} is then true and the delegate cannot be scheduled until approved again.
 *
 * <p>Schema 2: the profile travels sealed ({@code sealedProfile}), as in {@link DelegateRegistered}; schema 1 events
 * carry {@code profile} in the clear.
 */
public record DelegateUpdated(
        UUID eventId,
        Instant occurredAt,
        int schemaVersion,
        UUID delegateId,
        String convoyId,
        DelegateProfile profile,
        String sealedProfile,
        boolean reviewRequired) implements DelegateEvent, CarriesProfile {

    public static final int SCHEMA_VERSION = 2;

    /** A schema 1 event, with the profile in the clear. */
    public DelegateUpdated(UUID eventId, Instant occurredAt, int schemaVersion, UUID delegateId, String convoyId,
            DelegateProfile profile, boolean reviewRequired) {
        this(eventId, occurredAt, schemaVersion, delegateId, convoyId, profile, null, reviewRequired);
    }
}
