package org.convoy.notification.notice.domain;

import java.time.Instant;
import java.util.UUID;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * One notice to one recipient on one channel for one event. Its id is {@code eventId:delegateId:channel}, so a
 * redelivered event finds the notice it already sent and does not send it again. The rendered message is kept, so
 * a notice whose channel was down is sent again later without its event.
 */
@Document(Notice.COLLECTION)
public record Notice(
        @Id String id,
        UUID eventId,
        String eventType,
        UUID delegateId,
        Channel channel,
        String kind,
        Message message,
        Status status,
        int attempts,
        String lastError,
        Instant createdAt,
        Instant nextAttemptAt,
        Instant sentAt) {

    public static final String COLLECTION = "notices";

    public enum Channel { EMAIL, SMS }

    /**
     * PENDING: being sent now. RETRYING: the channel failed for a while; tried again at {@code nextAttemptAt}.
     * SENT. FAILED: refused for good (a bad number). DEAD: still failing after every retry.
     */
    public enum Status { PENDING, RETRYING, SENT, FAILED, DEAD }

    /** @param subject empty for SMS */
    public record Message(String to, String subject, String text) {
    }

    public static String idOf(UUID eventId, UUID delegateId, Channel channel) {
        return eventId + ":" + delegateId + ":" + channel;
    }
}
