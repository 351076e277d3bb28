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
import org.convoy.notification.contact.Recipients;
import org.convoy.notification.contact.domain.Contact;
import org.convoy.notification.convoy.ConvoyNames;
import org.convoy.notification.meeting.domain.MeetingCopy;
import org.convoy.notification.meeting.domain.MeetingCopyRepository;
import org.convoy.notification.notice.channel.Content.MeetingCard;
import org.convoy.notification.notice.NoticeDispatcher;
import org.convoy.notification.notice.channel.Content;
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

    private final NoticeDispatcher notices;
    private final Recipients recipients;
    private final MeetingCopyRepository meetings;
    private final NotificationProperties properties;
    private final ConvoyNames convoys;
    private final Contacts contacts;
    private final Clock clock;
    private final AttendeePasses passes;

    MeetingNotices(NoticeDispatcher notices, Recipients recipients, MeetingCopyRepository meetings,
            NotificationProperties properties, ConvoyNames convoys, Contacts contacts, Clock clock,
            AttendeePasses passes) {
        this.passes = passes;
        this.notices = notices;
        this.recipients = recipients;
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
        Change change = new Change(event, event.convoyId(), event.meetingId(), event.details(), event.sequence(), null);
        Recipients.Found to = recipients.find(event, event.details().attendeeIds());
        List<Outgoing> notices = new ArrayList<>();
        to.known().forEach(attendee -> notices.add(notice(change, attendee, "meeting-confirmed")));
        notices.addAll(toHost(change, "host-visit-confirmed", event.details().attendeeIds()));
        send(notices, to, event.meetingId());
    }

    public void rescheduled(MeetingRescheduled event) {
        MeetingCopy known = meetings.findById(event.meetingId()).orElse(null);
        List<UUID> before = known == null ? event.details().attendeeIds() : known.attendeesBefore(event.sequence());
        meetings.save(known == null
                ? MeetingCopy.first(event.meetingId(), event.convoyId(), event.sequence(), event.details(),
                        event.occurredAt())
                : known.changed(event.sequence(), false, event.details(), event.details().attendeeIds(),
                        event.occurredAt()));
        Change change = new Change(event, event.convoyId(), event.meetingId(), event.details(), event.sequence(), null);
        List<UUID> left = new ArrayList<>(before);
        left.removeAll(event.details().attendeeIds());
        List<UUID> everyone = new ArrayList<>(event.details().attendeeIds());
        everyone.addAll(left);
        Recipients.Found to = recipients.find(event, everyone);
        List<Outgoing> notices = new ArrayList<>();
        for (Contact attendee : to.known()) {
            String kind = left.contains(attendee.id()) ? "meeting-removed"
                    : before.contains(attendee.id()) ? "meeting-rescheduled" : "meeting-confirmed";
            notices.add(notice(change, attendee, kind));
        }
        notices.addAll(toHost(change, "host-visit-rescheduled", event.details().attendeeIds()));
        send(notices, to, event.meetingId());
    }

    public void cancelled(MeetingCancelled event) {
        MeetingCopy known = meetings.findById(event.meetingId()).orElse(null);
        if (known != null) {
            meetings.save(known.changed(event.sequence(), true, null, event.attendeeIds(), event.occurredAt()));
        }
        MeetingDetails details = known == null ? null : known.details();
        Change change = new Change(event, event.convoyId(), event.meetingId(), details, event.sequence(),
                event.reason());
        Recipients.Found to = recipients.find(event, event.attendeeIds());
        List<Outgoing> notices = new ArrayList<>();
        to.known().forEach(attendee -> notices.add(notice(change, attendee, "meeting-cancelled")));
        if (details != null) {
            notices.addAll(toHost(change, "host-visit-cancelled", event.attendeeIds()));
        }
        send(notices, to, event.meetingId());
    }

    /** What happened to a meeting: the event, the meeting as it is now ({@code null} when not known), its reason. */
    private record Change(ConvoyEvent event, String convoyId, UUID meetingId, MeetingDetails details, int sequence,
            String reason) {
    }

    /**
     * Every attendee whose contact is known is notified (once, however often the event is handled); if some are not
     * known yet, {@link org.convoy.notification.deadletter.ContactNotKnownYet} names them and the event is tried
     * again, then dead-lettered.
     */
    private void send(List<Outgoing> each, Recipients.Found to, UUID meetingId) {
        notices.send(each);
        to.requireAll(meetingId);
    }

    /**
     * The same change told to each contact of the meeting's host that notification knows, in her language: who comes
     * (names and municipalities, {12}), when in the venue's zone, and the invitation with the meeting's UID and
     * SEQUENCE (a cancellation removes it).
     */
    private List<Outgoing> toHost(Change change, String kind, List<UUID> visitors) {
        MeetingDetails details = change.details();
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
        return hostContacts.stream().map(contact -> {
            Object[] args = Arrays.copyOf(with(args(contact, details, change.reason()),
                    convoys.of(change.convoyId(), contact.language())), 13);
            args[12] = delegation.isEmpty() ? "—" : delegation;
            return new Outgoing(change.event(), contact, change.meetingId(), new Content(kind, args,
                    calendar(change, contact, cancel), card(details, contact), null), Outgoing.Importance.CRITICAL,
                    ZoneId.of(details.zone()));
        }).toList();
    }

    private Outgoing notice(Change change, Contact attendee, String kind) {
        MeetingDetails details = change.details();
        boolean cancel = !"meeting-confirmed".equals(kind) && !"meeting-rescheduled".equals(kind);
        ZoneId zone = details == null ? null : ZoneId.of(details.zone());
        boolean sameDay = details != null
                && LocalDate.ofInstant(clock.instant(), zone).equals(LocalDate.ofInstant(details.startsAt(), zone));
        Outgoing.Importance importance = sameDay && !"meeting-confirmed".equals(kind) ? Outgoing.Importance.URGENT
                : Outgoing.Importance.CRITICAL;
        Object[] args = with(args(attendee, details, change.reason()), convoys.of(change.convoyId(),
                attendee.language()));
        Content content = details == null ? new Content(kind + "-unknown", args)
                : new Content(kind, args, calendar(change, attendee, cancel), card(details, attendee),
                        cancel ? null : new Content.CheckIn(passes.checkIn(change.meetingId(), attendee.id()),
                                passes.shortCode(change.meetingId(), attendee.id())));
        return new Outgoing(change.event(), attendee, change.meetingId(), content, importance, zone);
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
    private String calendar(Change change, Contact contact, boolean cancel) {
        String convoyId = change.convoyId();
        MeetingDetails details = change.details();
        int sequence = change.sequence();
        UUID meetingId = change.meetingId();
        java.time.Instant stamp = change.event().occurredAt();
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
