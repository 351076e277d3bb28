package org.convoy.events;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * Organizers moved a convoy's dates. Published by scheduling together with the {@link ConvoyPublished} of the same
 * {@code sequence}, so that everyone registered for it can be told.
 */
public record ConvoyDatesChanged(
        UUID eventId,
        Instant occurredAt,
        int schemaVersion,
        String convoyId,
        int sequence,
        LocalDate previousStartsOn,
        LocalDate previousEndsOn,
        LocalDate startsOn,
        LocalDate endsOn) implements ConvoyDefinitionEvent {

    public static final int SCHEMA_VERSION = 1;
}
