package org.convoy.events;

import java.time.Instant;
import java.util.UUID;

/**
 * The key that seals a delegate's personal data in events ({@link DelegateRegistered#sealedProfile()},
 * {@link DelegateUpdated#sealedProfile()}), for the services that read it. Published before the first event it seals.
 *
 * @param wrappedKey the key, itself encrypted with the platform's key-wrapping secret ({@link DelegateDataKeys})
 */
public record DelegateKeyShared(
        UUID eventId,
        Instant occurredAt,
        int schemaVersion,
        UUID delegateId,
        String convoyId,
        String wrappedKey) implements DelegateKeyEvent {

    public static final int SCHEMA_VERSION = 1;
}
