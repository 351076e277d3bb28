package org.convoy.notification.notice;

import java.time.ZoneId;
import java.util.EnumSet;
import java.util.Set;
import java.util.UUID;

import org.convoy.events.ConvoyEvent;
import org.convoy.notification.contact.domain.Contact;
import org.convoy.notification.notice.channel.Content;
import org.convoy.notification.notice.channel.NoticeChannel;

/**
 * One notice to one person because of one event, composed for her: what it says, how much it matters, and on which
 * forms of channel it goes. The dispatcher picks the channels she chose.
 *
 * @param meetingId  the meeting it is about, or {@code null}
 * @param importance whether opt-outs and quiet hours apply
 * @param zone       where quiet hours are counted; {@code null} for the person's home zone
 * @param forms      letters (email), messages (texts), or both
 */
public record Outgoing(
        ConvoyEvent event,
        Contact to,
        UUID meetingId,
        Content content,
        Importance importance,
        ZoneId zone,
        Set<NoticeChannel.Form> forms) {

    /** A notice on every channel she chose. */
    public Outgoing(ConvoyEvent event, Contact to, UUID meetingId, Content content, Importance importance,
            ZoneId zone) {
        this(event, to, meetingId, content, importance, zone, EnumSet.allOf(NoticeChannel.Form.class));
    }

    public UUID recipientId() {
        return to.id();
    }

    /**
     * ROUTINE notices respect a person's opt-outs and wait out quiet hours; CRITICAL ones (their personal link, a
     * decision on their registration, a meeting they must attend) ignore opt-outs but wait out quiet hours; URGENT
     * ones (a change to a meeting of the same day) go out at once; DUE_NOW ones are routine but only useful now (a
     * reminder inside the quiet hours of the meeting's day): opt-outs apply, quiet hours do not.
     */
    public enum Importance {
        ROUTINE, CRITICAL, URGENT, DUE_NOW;

        boolean optional() {
            return this == ROUTINE || this == DUE_NOW;
        }

        boolean waitsOutQuietHours() {
            return this == ROUTINE || this == CRITICAL;
        }
    }
}
