package org.convoy.events;

import java.time.Instant;
import java.util.UUID;

/**
 * A delegate's registration was received. {@code groupId} is the delegate id of the group's lead (a mayor
 * registering with staff); it equals {@code delegateId} for the lead and for someone registering alone.
 *
 * <p>Schema 2: the profile travels sealed ({@code sealedProfile}, opened with the delegate's key from
 * {@link DelegateKeyShared}) and {@code profile} is absent, so the broker keeps nothing readable once the delegate is
 * erased. Schema 1 events carry {@code profile} in the clear.
 */
public record DelegateRegistered(
        UUID eventId,
        Instant occurredAt,
        int schemaVersion,
        UUID delegateId,
        String convoyId,
        UUID groupId,
        DelegateProfile profile,
        String sealedProfile) implements DelegateEvent, CarriesProfile {

    public static final int SCHEMA_VERSION = 2;

    /** A schema 1 event, with the profile in the clear. */
    public DelegateRegistered(UUID eventId, Instant occurredAt, int schemaVersion, UUID delegateId, String convoyId,
            UUID groupId, DelegateProfile profile) {
        this(eventId, occurredAt, schemaVersion, delegateId, convoyId, groupId, profile, null);
    }
}
