package org.convoy.events;

import java.time.Instant;
import java.util.UUID;

/**
 * An attendee who checked in answered the survey after the meeting, or changed her answer (then {@code revision}
 * grows; the latest revision is her answer).
 *
 * @param rating   1 (poor) to 5 (excellent)
 * @param followUp whether she would follow up with the host
 * @param comment  what she wrote, at most 1000 characters; null when she wrote nothing
 * @param revision 1 for the first answer, then one more for each change
 */
public record FeedbackGiven(
        UUID eventId,
        Instant occurredAt,
        int schemaVersion,
        UUID meetingId,
        String convoyId,
        UUID delegateId,
        int rating,
        boolean followUp,
        String comment,
        int revision) implements AttendanceEvent {

    public static final int SCHEMA_VERSION = 1;
}
