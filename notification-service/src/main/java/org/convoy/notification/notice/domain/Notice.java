package org.convoy.notification.notice.domain;

import java.time.Instant;
import java.util.UUID;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * One notice to one recipient on one channel for one event. Its id is {@code eventId:delegateId:channel}, so a
 * redelivered event finds the notice it already sent and does not send it again.
 */
@Document(Notice.COLLECTION)
public record Notice(
        @Id String id,
        UUID eventId,
        String eventType,
        UUID delegateId,
        Channel channel,
        String kind,
        Status status,
        int attempts,
        String lastError,
        Instant createdAt,
        Instant sentAt) {

    public static final String COLLECTION = "notices";

    public enum Channel { EMAIL, SMS }

    public enum Status { PENDING, SENT, FAILED }

    public static String idOf(UUID eventId, UUID delegateId, Channel channel) {
        return eventId + ":" + delegateId + ":" + channel;
    }
}
