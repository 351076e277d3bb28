package org.convoy.notification.meeting;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.Set;
import java.util.UUID;

import org.convoy.events.ConvoyDetails;
import org.convoy.events.MeetingDetails;
import org.convoy.notification.contact.Recipients;
import org.convoy.notification.contact.domain.Contact;
import org.convoy.notification.contact.domain.ContactRepository;
import org.convoy.notification.convoy.ConvoyNames;
import org.convoy.notification.meeting.domain.MeetingCopy;
import org.convoy.notification.meeting.domain.MeetingCopyRepository;
import org.convoy.notification.notice.NoticeDispatcher;
import org.convoy.notification.notice.channel.Content;
import org.convoy.notification.notice.channel.NoticeChannel;
import org.convoy.notification.notice.Outgoing;
import org.convoy.notification.notice.QuietHoursProperties;
import org.convoy.support.instances.TimedJobs;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Reminds every attendee of a meeting still on before it starts, as its convoy sets (by default a day ahead by email
 * and two hours ahead by text): with the venue, its address, a map link, the time in the meeting's zone, and the
 * journey from the attendee's previous meeting that day when it was in another city. A reminder is due from
 * {@code hours} before the start until the start; of several due on one channel, only the nearest goes out. Its
 * identity is derived from the meeting, its start and the reminder, so a repeated pass, or another instance, sends
 * nothing again (a pass leaves at once those whose reminder is in the ledger), while a meeting moved to a new time
 * is reminded afresh; a cancelled meeting is not reminded. A reminder that falls in the quiet hours of the meeting's
 * own day goes out at once, unless the attendee opted out of reminders on that channel.
 */
@Component
class MeetingReminders {

    static final String JOB = "meeting-reminders";

    private static final Logger log = LoggerFactory.getLogger(MeetingReminders.class);

    private final MeetingCopyRepository meetings;
    private final ContactRepository contacts;
    private final ConvoyNames convoys;
    private final NoticeDispatcher notices;
    private final Recipients recipients;
    private final MessageSource messages;
    private final QuietHoursProperties quietHours;
    private final ReminderProperties properties;
    private final Clock clock;
    private final TimedJobs jobs;

    MeetingReminders(MeetingCopyRepository meetings, ContactRepository contacts, ConvoyNames convoys,
            NoticeDispatcher notices, Recipients recipients, MessageSource messages, QuietHoursProperties quietHours,
            ReminderProperties properties, Clock clock, TimedJobs jobs) {
        this.meetings = meetings;
        this.contacts = contacts;
        this.convoys = convoys;
        this.notices = notices;
        this.recipients = recipients;
        this.messages = messages;
        this.quietHours = quietHours;
        this.properties = properties;
        this.clock = clock;
        this.jobs = jobs;
    }

    /** Why a reminder is sent: one reminder of one meeting at one start. Not published; it names the notice. */
    record MeetingReminderDue(UUID eventId, Instant occurredAt, UUID meetingId, Instant startsAt, int hours,
            String channel) implements TimedNotice {

        static MeetingReminderDue of(MeetingCopy meeting, ConvoyDetails.Reminder reminder, Instant now) {
            Instant startsAt = meeting.details().startsAt();
            return new MeetingReminderDue(TimedNotice.idOf("reminder", meeting.id(), startsAt, reminder.hours(),
                    reminder.channel()), now, meeting.id(), startsAt, reminder.hours(), reminder.channel());
        }

        @Override
        public String aggregateId() {
            return meetingId.toString();
        }
    }

    @Scheduled(fixedDelayString = "${convoy.notification.reminders.poll:1m}", initialDelayString = "5s")
    void sendDue() {
        TimedNotice.pass(properties.enabled(), jobs, JOB, this::sendDueNow, log,
                "Sending meeting reminders failed; will try again");
    }

    private void sendDueNow() {
        Instant now = clock.instant();
        List<MeetingCopy> upcoming = meetings.findByCancelledFalseAndDetailsStartsAtBetween(now,
                now.plus(properties.lookAhead()));
        Map<String, Optional<ConvoyDetails>> convoyDetails = new TreeMap<>();
        for (MeetingCopy meeting : upcoming) {
            Optional<ConvoyDetails> convoy = convoyDetails.computeIfAbsent(meeting.convoyId(), convoys::details);
            List<ConvoyDetails.Reminder> reminders = convoy.map(ConvoyDetails::remindersOrDefault)
                    .orElse(ConvoyDetails.DEFAULT_REMINDERS);
            for (ConvoyDetails.Reminder reminder : nearestDue(reminders, meeting.details().startsAt(), now)) {
                remind(meeting, reminder, convoy.orElse(null), now);
            }
        }
    }

    /** Of the reminders due now, the nearest to the start on each channel: the earlier ones would say no more. */
    static List<ConvoyDetails.Reminder> nearestDue(List<ConvoyDetails.Reminder> reminders, Instant startsAt,
            Instant now) {
        Map<String, ConvoyDetails.Reminder> byChannel = new TreeMap<>();
        reminders.stream().filter(reminder -> !now.isBefore(startsAt.minus(Duration.ofHours(reminder.hours())))
                        && now.isBefore(startsAt))
                .sorted(Comparator.comparingInt(ConvoyDetails.Reminder::hours))
                .forEach(reminder -> byChannel.putIfAbsent(reminder.channel(), reminder));
        return List.copyOf(byChannel.values());
    }

    private void remind(MeetingCopy meeting, ConvoyDetails.Reminder reminder, ConvoyDetails convoy, Instant now) {
        MeetingReminderDue due = MeetingReminderDue.of(meeting, reminder, now);
        NoticeChannel.Form form = ConvoyDetails.Reminder.SMS.equals(reminder.channel()) ? NoticeChannel.Form.MESSAGE
                : NoticeChannel.Form.LETTER;
        MeetingDetails details = meeting.details();
        ZoneId zone = ZoneId.of(details.zone());
        boolean quietOnTheDay = quietHours.holdUntil(now, zone).isPresent()
                && LocalDate.ofInstant(now, zone).equals(LocalDate.ofInstant(details.startsAt(), zone));
        List<UUID> attendees = new ArrayList<>(attendees(meeting));
        attendees.removeAll(notices.recorded(due.eventId(), form, attendees));
        Recipients.Found to = recipients.find(due, attendees);
        List<Outgoing> outgoing = new ArrayList<>();
        for (Contact attendee : to.known()) {
            Journey journey = journey(meeting, attendee.id(), convoy).orElse(null);
            outgoing.add(new Outgoing(due, attendee, meeting.id(), new Content("meeting-reminder",
                    args(attendee, meeting, journey), null, MeetingNotices.card(details, attendee), null),
                    quietOnTheDay ? Outgoing.Importance.DUE_NOW : Outgoing.Importance.ROUTINE, zone, Set.of(form)));
        }
        notices.send(outgoing);
        if (!to.unknown().isEmpty()) {
            // The meeting's own notices wait for them and end as dead letters naming them; the reminder is tried again
            // at the next pass, while it is still due.
            log.atWarn().addKeyValue("eventId", due.eventId()).addKeyValue("meetingId", meeting.id())
                    .addKeyValue("delegateIds", to.unknown())
                    .log("No contact known for some attendees; their reminder waits");
        }
    }

    /**
     * Who is reminded: the meeting's delegates and its host's contacts (as the host stream last listed them), each by
     * the channels that reach them (host contacts by email: they do not choose texts).
     */
    private List<UUID> attendees(MeetingCopy meeting) {
        List<UUID> attendees = new ArrayList<>(meeting.details().attendeeIds());
        contacts.findByHostId(meeting.details().hostId()).forEach(contact -> attendees.add(contact.id()));
        return attendees;
    }

    /** The journey from the attendee's previous meeting of the day, in another city. */
    record Journey(String fromCity, int minutes) {

        String duration() {
            return minutes < 60 ? minutes + " min" : minutes / 60 + " h" + (minutes % 60 == 0 ? "" : " " + minutes % 60
                    + " min");
        }
    }

    /**
     * Where the attendee comes from, when her meeting before this one that day was in another city: that city, and
     * the convoy's travel time between the two.
     */
    private Optional<Journey> journey(MeetingCopy meeting, UUID attendee, ConvoyDetails convoy) {
        if (convoy == null || convoy.travel() == null) {
            return Optional.empty();
        }
        MeetingDetails details = meeting.details();
        ZoneId zone = ZoneId.of(details.zone());
        Instant dayStart = LocalDate.ofInstant(details.startsAt(), zone).atStartOfDay(zone).toInstant();
        return meetings.findByConvoyIdAndCancelledFalseAndDetailsStartsAtBetween(meeting.convoyId(),
                        dayStart.minusNanos(1), details.startsAt()).stream()
                .filter(other -> !other.id().equals(meeting.id()))
                .map(MeetingCopy::details)
                .filter(other -> other.attendeeIds().contains(attendee) && !other.endsAt().isAfter(details.startsAt()))
                .max(Comparator.comparing(MeetingDetails::endsAt))
                .filter(previous -> previous.city() != null && !previous.city().equals(details.city()))
                .map(previous -> new Journey(previous.city(),
                        convoy.travel().minutes(cityId(convoy, previous.city()), cityId(convoy, details.city()))));
    }

    /** Meetings name their city as people read it; the convoy's travel times know it by id. */
    private static String cityId(ConvoyDetails convoy, String name) {
        return convoy.cities().stream().filter(city -> name.equals(city.name()) || name.equals(city.id()))
                .map(ConvoyDetails.City::id).findFirst().orElse(name);
    }

    /**
     * The meeting's texts ({@code MeetingNotices.args}, {11} the convoy), then {12} a map link to the address and
     * {13} the journey from the previous meeting (a line of its own, or nothing).
     */
    private Object[] args(Contact contact, MeetingCopy meeting, Journey journey) {
        Locale locale = Locale.forLanguageTag(contact.language());
        Object[] meetingArgs = MeetingNotices.with(MeetingNotices.args(contact, meeting.details(), null),
                convoys.of(meeting.convoyId(), contact.language()));
        Object[] all = Arrays.copyOf(meetingArgs, meetingArgs.length + 2);
        all[meetingArgs.length] = mapLink(meeting.details());
        all[meetingArgs.length + 1] = journey == null ? "" : messages.getMessage("meeting-reminder.travel",
                new Object[] { journey.fromCity(), journey.duration() }, locale);
        return all;
    }

    /** A map search for the venue's address, which any phone opens in its maps. */
    static String mapLink(MeetingDetails details) {
        return "https://www.google.com/maps/search/?api=1&query="
                + URLEncoder.encode(details.address(), StandardCharsets.UTF_8);
    }
}
