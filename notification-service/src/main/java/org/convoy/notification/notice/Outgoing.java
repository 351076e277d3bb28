package org.convoy.notification.notice;

import java.time.ZoneId;
import java.util.UUID;
import java.util.function.Function;

import org.convoy.events.ConvoyEvent;
import org.convoy.notification.contact.domain.Contact;

/**
 * One notice to send to one delegate because of one event.
 *
 * @param meetingId  the meeting it is about, or {@code null}
 * @param kind       which texts ({@code <kind>.subject}, {@code .body}, {@code .sms}), chosen from the contact
 * @param args       the values the texts show, {@code {0}} onwards
 * @param bySms      whether delegates who chose SMS also get a text
 * @param importance whether opt-outs and quiet hours apply
 * @param zone       where quiet hours are counted; {@code null} for the delegate's home zone
 * @param calendar   the iCalendar text sent with the email, or {@code null}
 * @param meeting    the meeting shown in the email, or {@code null}
 * @param byEmail    whether it goes by email; a notice that is only a text (a reminder on the texting channel) does not
 * @param checkIn    the attendee's check-in pass for the meeting, shown in the email as a QR code and its short code,
 *                   or {@code null}
 */
public record Outgoing(
        ConvoyEvent event,
        UUID delegateId,
        UUID meetingId,
        Function<Contact, String> kind,
        Function<Contact, Object[]> args,
        boolean bySms,
        Importance importance,
        ZoneId zone,
        Function<Contact, String> calendar,
        Function<Contact, MailRenderer.MeetingCard> meeting,
        boolean byEmail,
        CheckIn checkIn) {

    /** A notice by email, and by text too when {@code bySms}, without a check-in pass. */
    public Outgoing(ConvoyEvent event, UUID delegateId, UUID meetingId, Function<Contact, String> kind,
            Function<Contact, Object[]> args, boolean bySms, Importance importance, ZoneId zone,
            Function<Contact, String> calendar, Function<Contact, MailRenderer.MeetingCard> meeting) {
        this(event, delegateId, meetingId, kind, args, bySms, importance, zone, calendar, meeting, true, null);
    }

    /** A notice without a check-in pass, by email or not. */
    public Outgoing(ConvoyEvent event, UUID delegateId, UUID meetingId, Function<Contact, String> kind,
            Function<Contact, Object[]> args, boolean bySms, Importance importance, ZoneId zone,
            Function<Contact, String> calendar, Function<Contact, MailRenderer.MeetingCard> meeting, boolean byEmail) {
        this(event, delegateId, meetingId, kind, args, bySms, importance, zone, calendar, meeting, byEmail, null);
    }

    /** A notice by email (and by text too when {@code bySms}) carrying the attendee's check-in pass. */
    public Outgoing(ConvoyEvent event, UUID delegateId, UUID meetingId, Function<Contact, String> kind,
            Function<Contact, Object[]> args, boolean bySms, Importance importance, ZoneId zone,
            Function<Contact, String> calendar, Function<Contact, MailRenderer.MeetingCard> meeting, CheckIn checkIn) {
        this(event, delegateId, meetingId, kind, args, bySms, importance, zone, calendar, meeting, true, checkIn);
    }

    /**
     * @param pass what the QR code carries
     * @param code the short code a desk can type, {@code ABCD-EFGH}
     */
    public record CheckIn(String pass, String code) {
    }

    /**
     * ROUTINE notices respect a delegate's opt-outs and wait out quiet hours; CRITICAL ones (their personal link, a
     * decision on their registration, a meeting they must attend) ignore opt-outs but wait out quiet hours; URGENT
     * ones (a change to a meeting of the same day) go out at once.
     */
    public enum Importance { ROUTINE, CRITICAL, URGENT }
}
