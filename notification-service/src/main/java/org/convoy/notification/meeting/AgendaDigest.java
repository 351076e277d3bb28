package org.convoy.notification.meeting;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Collectors;

import org.convoy.events.MeetingDetails;
import org.convoy.notification.contact.domain.Contact;
import org.convoy.notification.contact.Recipients;
import org.convoy.notification.meeting.domain.MeetingCopy;
import org.convoy.notification.meeting.domain.MeetingCopyRepository;
import org.convoy.notification.notice.NoticeDispatcher;
import org.convoy.notification.notice.channel.Content;
import org.convoy.notification.notice.Outgoing;
import org.convoy.support.instances.TimedJobs;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * On the eve of each convoy day, from {@code convoy.notification.digest.send-at} in the meetings' zone, every
 * attendee gets one notice with their meetings of the next day. The digest of a delegate for a date has a fixed
 * identity, so however often this runs, and on however many instances, it is sent once; of several instances, the
 * one holding the digest's lease looks through the meetings, so the others do not read them all for nothing.
 */
@Component
class AgendaDigest {

    static final String JOB = "agenda-digest";

    private static final Logger log = LoggerFactory.getLogger(AgendaDigest.class);

    private final MeetingCopyRepository meetings;
    private final NoticeDispatcher notices;
    private final Recipients recipients;
    private final DigestProperties properties;
    private final Clock clock;
    private final TimedJobs jobs;

    AgendaDigest(MeetingCopyRepository meetings, NoticeDispatcher notices, Recipients recipients,
            DigestProperties properties, Clock clock, TimedJobs jobs) {
        this.meetings = meetings;
        this.recipients = recipients;
        this.notices = notices;
        this.properties = properties;
        this.clock = clock;
        this.jobs = jobs;
    }

    /** Why a digest is sent: the eve of a date, for one delegate. Not published; it names the notice in the ledger. */
    record AgendaDigestDue(UUID eventId, Instant occurredAt, UUID delegateId, LocalDate date)
            implements TimedNotice {

        static AgendaDigestDue of(UUID delegateId, LocalDate date, Instant now) {
            return new AgendaDigestDue(TimedNotice.idOf("digest", delegateId, date), now, delegateId, date);
        }

        @Override
        public String aggregateId() {
            return delegateId.toString();
        }
    }

    @Scheduled(fixedDelayString = "${convoy.notification.digest.poll:5m}", initialDelayString = "5s")
    void sendDue() {
        TimedNotice.pass(properties.enabled(), jobs, JOB, this::sendDueNow, log,
                "Sending the day-before agendas failed; will try again");
    }

    private void sendDueNow() {
        Instant now = clock.instant();
        Map<UUID, Map<LocalDate, List<MeetingDetails>>> due = new TreeMap<>();
        for (MeetingCopy meeting : meetings.findByCancelledFalse()) {
            MeetingDetails details = meeting.details();
            if (!details.startsAt().isAfter(now) || details.startsAt().isAfter(now.plus(Duration.ofHours(48)))) {
                continue;
            }
            ZoneId zone = ZoneId.of(details.zone());
            ZonedDateTime local = now.atZone(zone);
            LocalDate date = details.startsAt().atZone(zone).toLocalDate();
            if (local.toLocalDate().plusDays(1).equals(date) && !local.toLocalTime().isBefore(properties.sendAt())) {
                details.attendeeIds().forEach(attendee -> due.computeIfAbsent(attendee, id -> new TreeMap<>())
                        .computeIfAbsent(date, d -> new ArrayList<>()).add(details));
            }
        }
        due.forEach((delegateId, byDate) -> byDate.forEach((date, day) -> send(delegateId, date, day, now)));
    }

    private void send(UUID delegateId, LocalDate date, List<MeetingDetails> day, Instant now) {
        List<MeetingDetails> ordered = day.stream().sorted(Comparator.comparing(MeetingDetails::startsAt)).toList();
        ZoneId zone = ZoneId.of(ordered.get(0).zone());
        AgendaDigestDue due = AgendaDigestDue.of(delegateId, date, now);
        Recipients.Found to = recipients.find(due, delegateId);
        notices.send(to.known().stream().map(contact -> new Outgoing(due, contact, null,
                new Content("agenda-digest", args(contact, date, zone, ordered)), Outgoing.Importance.ROUTINE, zone))
                .toList());
        if (!to.unknown().isEmpty()) {
            // Their meetings' own notices are dead letters naming them; the digest is tried again at the next pass.
            log.atWarn().addKeyValue("eventId", due.eventId()).addKeyValue("delegateId", delegateId)
                    .addKeyValue("date", date).log("No contact known for this attendee; the day-before agenda waits");
        }
    }

    /** {0} given name, {1} full name, {2} date, {3} zone, {4} one line per meeting, {5} how many, {6} first start. */
    private static Object[] args(Contact contact, LocalDate date, ZoneId zone, List<MeetingDetails> day) {
        Locale locale = Locale.forLanguageTag(contact.language());
        DateTimeFormatter time = DateTimeFormatter.ofPattern("HH:mm", locale);
        String lines = day.stream().map(meeting -> time.format(meeting.startsAt().atZone(zone)) + "–"
                        + time.format(meeting.endsAt().atZone(zone)) + "  " + meeting.hostName() + " — "
                        + meeting.venue() + ", " + meeting.address())
                .collect(Collectors.joining("\n"));
        return new Object[] { contact.givenName(), contact.fullName(),
                DateTimeFormatter.ofLocalizedDate(FormatStyle.FULL).withLocale(locale).format(date),
                MeetingNotices.zoneName(zone, locale), lines, day.size(),
                time.format(day.get(0).startsAt().atZone(zone)) };
    }
}
