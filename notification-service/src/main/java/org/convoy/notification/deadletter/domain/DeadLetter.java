package org.convoy.notification.deadletter.domain;

import java.time.Instant;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * Something notification could not do, as it arrived on the dead-letter topic: an event it could not read or
 * handle ({@code EVENT}: kept whole, with its original topic, key and headers, so it can be replayed), or a notice
 * that failed for good ({@code NOTICE}: replayed through the notice ledger).
 *
 * @param id the record's place on the dead-letter topic ({@code partition-offset}), so a redelivery is stored once
 */
@Document(DeadLetter.COLLECTION)
public record DeadLetter(
        @Id String id,
        Kind kind,
        String originalTopic,
        String key,
        String eventType,
        String eventId,
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
