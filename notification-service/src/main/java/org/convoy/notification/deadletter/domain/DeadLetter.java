package org.convoy.notification.deadletter.domain;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * Something notification could not do, as it arrived on the dead-letter topic: an event it could not read or
 * handle ({@code EVENT}: kept whole, with its original topic, key and headers, so it can be replayed), or a notice
 * that failed for good ({@code NOTICE}: replayed through the notice ledger).
 *
 * @param id          the record's place on the dead-letter topic ({@code partition-offset}), so a redelivery is stored
 *                    once
 * @param delegateIds the delegates it concerns, when known: those a notice could not reach, the delegate of an event
 *                    of the delegate stream, the recipient of a notice
 * @param meetingId   the meeting of an event of the meeting stream
 */
@Document(DeadLetter.COLLECTION)
public record DeadLetter(
        @Id String id,
        Kind kind,
        String originalTopic,
        String key,
        String eventType,
        String eventId,
        List<UUID> delegateIds,
        UUID meetingId,
        String noticeId,
        String payload,
        String error,
        Status status,
        Instant receivedAt,
        Instant replayedAt) {

    public static final String COLLECTION = "dead_letters";

    public enum Kind { EVENT, NOTICE }

    public enum Status { DEAD, REPLAYED }
}
