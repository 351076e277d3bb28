package org.convoy.notification.meeting;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;

import org.convoy.events.ConvoyEvent;
import org.convoy.events.Labels;
import org.convoy.events.MeetingCancelled;
import org.convoy.events.MeetingConfirmed;
import org.convoy.events.MeetingDetails;
import org.convoy.events.MeetingRescheduled;
import org.convoy.notification.contact.Contacts;
import org.convoy.notification.contact.domain.Contact;
import org.convoy.notification.convoy.ConvoyNames;
import org.convoy.notification.meeting.domain.MeetingCopy;
import org.convoy.notification.meeting.domain.MeetingCopyRepository;
import org.convoy.notification.notice.MailRenderer.MeetingCard;
import org.convoy.notification.notice.NoticeSender;
import org.convoy.notification.NotificationProperties;
import org.convoy.notification.notice.Outgoing;
import org.convoy.support.calendar.CalendarEvent;
import org.convoy.support.calendar.CalendarUids;
import org.convoy.support.calendar.ICalendar;
import org.convoy.support.links.AttendeePasses;
import org.springframework.stereotype.Service;

/**
 * Tells every attendee of a meeting what happened to it, in their language, with the time in the meeting's zone
 * (named): confirmed (with a calendar invitation), moved (the invitation again, with a higher SEQUENCE), cancelled
 * (a calendar cancellation). An invitation carries the attendee's check-in pass for the meeting: a QR code the
 * venue's desk scans, and its short code. Someone who left a cohort gets a cancellation; someone who joined, an
 * invitation. A change on the day of the meeting is urgent: texts go out even in quiet hours. The host's contacts
 * hear of the same changes by email, with who comes and the same invitation.
 */
@Service
public class MeetingNotices {

    private final NoticeSender notices;
    private final MeetingCopyRepository meetings;
    private final NotificationProperties properties;
    private final ConvoyNames convoys;
    private final Contacts contacts;
    private final Clock clock;
    private final AttendeePasses passes;

    MeetingNotices(NoticeSender notices, MeetingCopyRepository meetings, NotificationProperties properties,
            ConvoyNames convoys, Contacts contacts, Clock clock, AttendeePasses passes) {
        this.passes = passes;
        this.notices = notices;
        this.contacts = contacts;
        this.meetings = meetings;
        this.properties = properties;
        this.convoys = convoys;
        this.clock = clock;
    }

    public void confirmed(MeetingConfirmed event) {
        MeetingCopy copy = meetings.findById(event.meetingId())
                .map(known -> known.changed(event.sequence(), false, event.details(), event.details().attendeeIds(),
                        event.occurredAt()))
                .orElseGet(() -> MeetingCopy.first(event.meetingId(), event.convoyId(), event.sequence(), event.details(),
                        event.occurredAt()));
        meetings.save(copy);
        List<Outgoing> notices = new ArrayList<>();
        for (UUID attendee : event.details().attendeeIds()) {
            notices.add(notice(event, event.convoyId(), event.meetingId(), attendee, "meeting-confirmed",
                    event.details(), event.sequence(), null));
        }
        notices.addAll(toHost(event, event.convoyId(), event.meetingId(), "host-visit-confirmed", event.details(),
                event.details().attendeeIds(), event.sequence(), null));
        send(notices);
    }

    public void rescheduled(MeetingRescheduled event) {
        MeetingCopy known = meetings.findById(event.meetingId()).orElse(null);
        List<UUID> before = known == null ? event.details().attendeeIds() : known.attendeesBefore(event.sequence());
        meetings.save(known == null
                ? MeetingCopy.first(event.meetingId(), event.convoyId(), event.sequence(), event.details(),
                        event.occurredAt())
                : known.changed(event.sequence(), false, event.details(), event.details().attendeeIds(),
                        event.occurredAt()));
        List<Outgoing> notices = new ArrayList<>();
        for (UUID attendee : event.details().attendeeIds()) {
            String kind = before.contains(attendee) ? "meeting-rescheduled" : "meeting-confirmed";
            notices.add(notice(event, event.convoyId(), event.meetingId(), attendee, kind, event.details(),
                    event.sequence(), null));
        }
        List<UUID> left = new ArrayList<>(before);
        left.removeAll(event.details().attendeeIds());
        for (UUID attendee : left) {
            notices.add(notice(event, event.convoyId(), event.meetingId(), attendee, "meeting-removed",
                    event.details(), event.sequence(), null));
        }
        notices.addAll(toHost(event, event.convoyId(), event.meetingId(), "host-visit-rescheduled", event.details(),
                event.details().attendeeIds(), event.sequence(), null));
        send(notices);
    }

    public void cancelled(MeetingCancelled event) {
        MeetingCopy known = meetings.findById(event.meetingId()).orElse(null);
        if (known != null) {
            meetings.save(known.changed(event.sequence(), true, null, event.attendeeIds(), event.occurredAt()));
        }
        MeetingDetails details = known == null ? null : known.details();
        List<Outgoing> notices = new ArrayList<>();
        for (UUID attendee : event.attendeeIds()) {
            notices.add(notice(event, event.convoyId(), event.meetingId(), attendee, "meeting-cancelled", details,
                    event.sequence(), event.reason()));
        }
        if (details != null) {
            notices.addAll(toHost(event, event.convoyId(), event.meetingId(), "host-visit-cancelled", details,
                    event.attendeeIds(), event.sequence(), event.reason()));
        }
        send(notices);
    }

    /**
     * Every attendee whose contact is known is notified (once, however often the event is handled); if some are not
     * known yet, {@link org.convoy.notification.deadletter.ContactNotKnownYet} names them and the event is tried
     * again, then dead-lettered.
     */
    private void send(List<Outgoing> each) {
        if (!each.isEmpty()) {
            notices.sendEach(each);
        }
    }

    /**
     * The same change told to each contact of the meeting's host that notification knows, in her language, by email:
     * who comes (names and municipalities, {12}), when in the venue's zone, and the invitation with the meeting's UID
     * and SEQUENCE (a cancellation removes it).
     */
    private List<Outgoing> toHost(ConvoyEvent event, String convoyId, UUID meetingId, String kind,
            MeetingDetails details, List<UUID> visitors, int sequence, String reason) {
        List<Contact> hostContacts = contacts.ofHost(details.hostId());
        if (hostContacts.isEmpty()) {
            return List.of();
        }
        Map<UUID, Contact> known = contacts.byId(visitors);
        String delegation = visitors.stream().map(known::get).filter(Objects::nonNull)
                .map(visitor -> visitor.municipality() == null ? visitor.fullName()
                        : visitor.fullName() + " (" + visitor.municipality() + ")")
                .sorted().collect(Collectors.joining(", "));
        boolean cancel = "host-visit-cancelled".equals(kind);
        return hostContacts.stream().map(hostContact -> new Outgoing(event, hostContact.id(), meetingId,
                contact -> kind, contact -> {
                    Object[] all = Arrays.copyOf(with(args(contact, details, reason),
                            convoys.of(convoyId, contact.language())), 13);
                    all[12] = delegation.isEmpty() ? "—" : delegation;
                    return all;
                }, false, Outgoing.Importance.CRITICAL, ZoneId.of(details.zone()),
                contact -> calendar(convoyId, meetingId, sequence, details, contact, cancel, event.occurredAt()),
                contact -> card(details, contact))).toList();
    }

    private Outgoing notice(ConvoyEvent event, String convoyId, UUID meetingId, UUID attendee, String kind,
            MeetingDetails details, int sequence, String reason) {
        boolean cancel = !"meeting-confirmed".equals(kind) && !"meeting-rescheduled".equals(kind);
        ZoneId zone = details == null ? null : ZoneId.of(details.zone());
        boolean sameDay = details != null
                && LocalDate.ofInstant(clock.instant(), zone).equals(LocalDate.ofInstant(details.startsAt(), zone));
        Outgoing.Importance importance = sameDay && !"meeting-confirmed".equals(kind) ? Outgoing.Importance.URGENT
                : Outgoing.Importance.CRITICAL;
        String chosen = details == null ? kind + "-unknown" : kind;
        return new Outgoing(event, attendee, meetingId, contact -> chosen,
                contact -> with(args(contact, details, reason), convoys.of(convoyId, contact.language())), true,
                importance, zone,
                details == null ? null : contact -> calendar(convoyId, meetingId, sequence, details, contact, cancel,
                        event.occurredAt()),
                details == null ? null : contact -> card(details, contact),
                cancel || details == null ? null
                        : new Outgoing.CheckIn(passes.checkIn(meetingId, attendee), passes.shortCode(meetingId, attendee)));
    }

    /**
     * {0} given name, {1} full name, {2} host, {3} date, {4} start, {5} end, {6} zone named in full with its id,
     * {7} venue, {8} address, {9} reason, {10} zone by its name only (for texts, where every character counts); the
     * notices add {11}, the convoy by name.
     */
    static Object[] args(Contact contact, MeetingDetails details, String reason) {
        Locale locale = Locale.forLanguageTag(contact.language());
        if (details == null) {
            return new Object[] { contact.givenName(), contact.fullName(), "", "", "", "", "", "", "",
                    reason == null ? "" : reason, "" };
        }
        ZoneId zone = ZoneId.of(details.zone());
        ZonedDateTime start = details.startsAt().atZone(zone);
        ZonedDateTime end = details.endsAt().atZone(zone);
        DateTimeFormatter time = DateTimeFormatter.ofPattern("HH:mm", locale);
        return new Object[] { contact.givenName(), contact.fullName(), details.hostName(),
                DateTimeFormatter.ofLocalizedDate(FormatStyle.FULL).withLocale(locale).format(start),
                time.format(start), time.format(end), zoneName(zone, locale), details.venue(), details.address(),
                reason == null ? "" : reason, zone.getDisplayName(TextStyle.FULL_STANDALONE, locale) };
    }

    /** The texts' values with more after them: {11} the convoy by its name in the attendee's language, then others. */
    static Object[] with(Object[] args, Object... more) {
        Object[] all = Arrays.copyOf(args, args.length + more.length);
        System.arraycopy(more, 0, all, args.length, more.length);
        return all;
    }

    static String zoneName(ZoneId zone, Locale locale) {
        return zone.getDisplayName(TextStyle.FULL_STANDALONE, locale) + " (" + zone.getId() + ")";
    }

    static MeetingCard card(MeetingDetails details, Contact contact) {
        Object[] args = args(contact, details, null);
        return new MeetingCard((String) args[2], (String) args[3], args[4] + "–" + args[5], (String) args[6],
                details.venue(), details.address());
    }

    /**
     * The invitation in the attendee's language: the host and the sector as people read it in the title, the
     * sector, axis and convoy by name in the description.
     */
    private String calendar(String convoyId, UUID meetingId, int sequence, MeetingDetails details, Contact contact,
            boolean cancel, java.time.Instant stamp) {
        CalendarEvent.Person organizer = organizer();
        String sector = Labels.ofCode("sector", details.sector(), contact.language());
        String axis = Labels.ofCode("axis", details.axis(), contact.language());
        String place = details.venue() + ", " + details.address();
        String description = details.hostName() + (sector == null ? "" : " — " + sector) + "\n" + place
                + (axis == null ? "" : "\n" + axis) + "\n" + convoys.of(convoyId, contact.language());
        CalendarEvent entry = new CalendarEvent(CalendarUids.ofMeeting(meetingId), sequence, details.startsAt(),
                details.endsAt(), ZoneId.of(details.zone()), details.hostName() + (sector == null ? "" : " — " + sector),
                place, description, cancel, stamp, organizer,
                List.of(new CalendarEvent.Person(contact.fullName(), contact.email())));
        return ICalendar.of(cancel ? ICalendar.Method.CANCEL : ICalendar.Method.REQUEST, null).add(entry).write();
    }

    private CalendarEvent.Person organizer() {
        try {
            InternetAddress from = new InternetAddress(properties.from());
            return new CalendarEvent.Person(from.getPersonal() == null ? "Convoy" : from.getPersonal(),
                    from.getAddress());
        } catch (AddressException e) {
            return new CalendarEvent.Person("Convoy", "avisos@convoy.local");
        }
    }
}
