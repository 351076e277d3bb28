package org.convoy.events;

import java.time.Instant;
import java.util.UUID;

/**
 * A convoy as it now stands, published by scheduling, which keeps convoy definitions; every service that shows a
 * convoy to people keeps its copy from these. {@code sequence} grows with every publication, so a reader keeps the
 * newest.
 */
public record ConvoyPublished(
        UUID eventId,
        Instant occurredAt,
        int schemaVersion,
        String convoyId,
        int sequence,
        ConvoyDetails details) implements ConvoyDefinitionEvent {

    public static final int SCHEMA_VERSION = 1;
}
