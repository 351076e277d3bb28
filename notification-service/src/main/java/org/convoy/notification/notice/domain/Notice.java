package org.convoy.notification.notice.domain;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * One notice to one recipient on one channel for one event. Its id is {@code eventId:delegateId:channel}, so a
 * redelivered event finds the notice it already sent and does not send it again. The rendered message is kept, so
 * a notice whose channel was down is sent again later without its event. It keeps the trace ({@code traceparent}) and
 * correlation id of the work that recorded it, so a later attempt (the retrier's, or after quiet hours) is part of the
 * same journey as the first.
 *
 * <p>A notice on a channel that has a fallback (WhatsApp, whose fallback is SMS) carries the fallback's message
 * already composed ({@code fallback}); when the first channel fails it for good, the ledger records the fallback
 * notice, which names the one it replaces ({@code fallbackOf}), so the delivery log shows both attempts.
 *
 * @param channel    the channel's name ({@code EMAIL}, {@code SMS}, {@code WHATSAPP}): see {@code NoticeChannel}
 * @param providerId the provider's id for the message once sent, by which its later reports (not delivered) find it
 */
@Document(Notice.COLLECTION)
public record Notice(
        @Id String id,
        UUID eventId,
        String eventType,
        UUID delegateId,
        UUID meetingId,
        String channel,
        String kind,
        Message message,
        Status status,
        int attempts,
        String lastError,
        Instant createdAt,
        Instant nextAttemptAt,
        Instant sentAt,
        String traceparent,
        String correlationId,
        Fallback fallback,
        String fallbackOf,
        String providerId) {

    public static final String COLLECTION = "notices";

    /**
     * PENDING: being sent now. DEFERRED: held until quiet hours end at {@code nextAttemptAt}, or, without it, until
     * the person confirms her number. RETRYING: the channel
     * failed for a while; tried again at {@code nextAttemptAt}. SENT. FAILED: refused for good (a bad number). DEAD:
     * still failing after every retry. SKIPPED: the delegate opted out of this channel for notices of this kind.
     */
    public enum Status { PENDING, DEFERRED, RETRYING, SENT, FAILED, DEAD, SKIPPED }

    /**
     * @param subject  empty for SMS
     * @param html     the HTML alternative of an email, or {@code null}
     * @param calendar an iCalendar invitation or cancellation sent with an email, or {@code null}
     * @param checkInPass the check-in pass an email shows as an inline QR code ({@code cid:checkin-qr}), or {@code null}
     * @param template    the provider's pre-approved template the text fills, for channels that send templates (WhatsApp),
     *                    or {@code null}
     */
    public record Message(String to, String subject, String text, String html, String calendar, String checkInPass,
            Template template) {

        public Message(String to, String subject, String text) {
            this(to, subject, text, null, null, null, null);
        }
    }

    /**
     * A template approved at the provider: its id, its language, and its variables ({@code {{1}}} onwards) in order.
     */
    public record Template(String id, String language, List<String> variables) {
    }

    /** The message a notice falls back to on another channel, composed with it. */
    public record Fallback(String channel, Message message) {
    }

    public static String idOf(UUID eventId, UUID delegateId, String channel) {
        return eventId + ":" + delegateId + ":" + channel;
    }
}
