package org.convoy.notification.notice.domain;

import java.time.Instant;
import java.util.UUID;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * One notice to one recipient on one channel for one event. Its id is {@code eventId:delegateId:channel}, so a
 * redelivered event finds the notice it already sent and does not send it again. The rendered message is kept, so
 * a notice whose channel was down is sent again later without its event. It keeps the trace ({@code traceparent}) and
 * correlation id of the work that recorded it, so a later attempt (the retrier's, or after quiet hours) is part of the
 * same journey as the first.
 */
@Document(Notice.COLLECTION)
public record Notice(
        @Id String id,
        UUID eventId,
        String eventType,
        UUID delegateId,
        UUID meetingId,
        Channel channel,
        String kind,
        Message message,
        Status status,
        int attempts,
        String lastError,
        Instant createdAt,
        Instant nextAttemptAt,
        Instant sentAt,
        String traceparent,
        String correlationId) {

    public static final String COLLECTION = "notices";

    public enum Channel { EMAIL, SMS }

    /**
     * PENDING: being sent now. DEFERRED: held until quiet hours end at {@code nextAttemptAt}. RETRYING: the channel
     * failed for a while; tried again at {@code nextAttemptAt}. SENT. FAILED: refused for good (a bad number). DEAD:
     * still failing after every retry. SKIPPED: the delegate opted out of this channel for notices of this kind.
     */
    public enum Status { PENDING, DEFERRED, RETRYING, SENT, FAILED, DEAD, SKIPPED }

    /**
     * @param subject  empty for SMS
     * @param html     the HTML alternative of an email, or {@code null}
     * @param calendar an iCalendar invitation or cancellation sent with an email, or {@code null}
     * @param checkInPass the check-in pass an email shows as an inline QR code ({@code cid:checkin-qr}), or {@code null}
     */
    public record Message(String to, String subject, String text, String html, String calendar, String checkInPass) {

        public Message(String to, String subject, String text) {
            this(to, subject, text, null, null, null);
        }
    }

    public static String idOf(UUID eventId, UUID delegateId, Channel channel) {
        return eventId + ":" + delegateId + ":" + channel;
    }
}
