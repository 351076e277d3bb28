package org.convoy.scheduling.attendance;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;

import org.convoy.scheduling.attendance.domain.AttendanceRepository;
import org.convoy.scheduling.attendance.domain.FeedbackAnswer;
import org.convoy.scheduling.attendance.domain.MeetingAttendance;
import org.convoy.scheduling.delegate.Delegates;
import org.convoy.scheduling.delegate.domain.ScheduledDelegate;
import org.convoy.scheduling.meeting.Meetings;
import org.convoy.scheduling.meeting.domain.Meeting;
import org.convoy.scheduling.meeting.domain.MeetingStatus;
import org.convoy.support.links.AttendeePasses;
import org.convoy.support.outbox.OutboxRelay;
import org.convoy.support.problem.FieldProblemException;
import org.convoy.support.store.OptimisticWrites;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.stereotype.Service;

/**
 * Attendance at confirmed meetings: check-in at the venue with an attendee's pass (its QR code or short code),
 * excused absences, no-shows, and the survey those who came answer after the meeting. Scheduling owns it because the
 * meetings are here; each meeting's attendance is one document ({@link MeetingAttendance}).
 */
@Service
public class Attendance {

    /** How long after a meeting's end its attendees may still change their answer. */
    public static final Duration FEEDBACK_WINDOW = Duration.ofDays(7);
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
    private static final Logger log = LoggerFactory.getLogger(Attendance.class);

    private final AttendanceRepository attendance;
    private final Meetings meetings;
    private final Delegates delegates;
    private final AttendeePasses passes;
    private final OptimisticWrites writes;
    private final OutboxRelay relay;
    private final Clock clock;

    Attendance(AttendanceRepository attendance, Meetings meetings, Delegates delegates, AttendeePasses passes,
            OptimisticWrites writes, OutboxRelay relay, Clock clock) {
        this.attendance = attendance;
        this.meetings = meetings;
        this.delegates = delegates;
        this.passes = passes;
        this.writes = writes;
        this.relay = relay;
        this.clock = clock;
    }

    /** Where an attendee stands at a meeting. */
    public enum Presence { ARRIVED, EXCUSED, EXPECTED, NO_SHOW }

    /** A check-in as the desk sees it; {@code repeated} when she had been checked in already. */
    public record CheckIn(Meeting meeting, UUID delegateId, ScheduledDelegate delegate,
            MeetingAttendance.Arrival arrival, boolean repeated) {
    }

    /** One attendee of a meeting and where she stands. */
    public record Attendee(UUID delegateId, ScheduledDelegate delegate, Presence presence,
            Optional<MeetingAttendance.Arrival> arrival, Optional<MeetingAttendance.Excuse> excuse) {
    }

    public record MeetingPresence(Meeting meeting, boolean ended, List<Attendee> attendees) {

        public long count(Presence presence) {
            return attendees.stream().filter(attendee -> attendee.presence() == presence).count();
        }
    }

    /** A delegate who missed meetings without an excuse, with those meetings. */
    public record NoShows(UUID delegateId, ScheduledDelegate delegate, List<Meeting> meetings) {
    }

    /** A survey as its holder sees it: the meeting, her answer so far, and until when she may change it. */
    public record Survey(Meeting meeting, UUID delegateId, Optional<MeetingAttendance.Feedback> answer,
            Instant editableUntil) {
    }

    /**
     * Checks an attendee in with her pass ({@code token}, from the QR code) or its short code. Repeating it answers the
     * same and records nothing.
     *
     * @throws FieldProblemException naming {@code token} or {@code code} for a pass that is not genuine, or a code no
     *                               attendee of this meeting (or of another of the convoy's) holds
     * @throws AttendanceRefusal     409 for a pass of another meeting, a meeting not confirmed, or not today
     */
    public CheckIn checkIn(String convoyId, UUID meetingId, String token, String code, String by) {
        return checkIn(meetings.meeting(convoyId, meetingId), convoyId, token, code, by);
    }

    /**
     * Check-in at the desk of the host the meeting visits, by one of its contacts (her host session): as
     * {@link #checkIn(String, UUID, String, String, String)}, for that host's meetings only.
     *
     * @throws AttendanceRefusal 403 for a meeting with another host
     */
    public CheckIn checkInAtHostDesk(String hostId, UUID contactId, String convoyId, UUID meetingId, String token,
            String code) {
        Meeting meeting = meetings.meeting(convoyId, meetingId);
        if (!meeting.plan().hostId().equals(hostId)) {
            throw AttendanceRefusal.forbidden("Another host's meeting", "This meeting visits another host: its desk "
                    + "checks its attendees in.");
        }
        return checkIn(meeting, convoyId, token, code, "host:" + hostId + ":" + contactId);
    }

    private CheckIn checkIn(Meeting meeting, String convoyId, String token, String code, String by) {
        UUID meetingId = meeting.id();
        UUID delegateId = holder(convoyId, meeting, token, code);
        if (!meeting.is(MeetingStatus.CONFIRMED)) {
            throw AttendanceRefusal.conflict("Meeting not confirmed", "Attendees check in at confirmed meetings; this "
                    + "one is " + meeting.status().name().toLowerCase() + ".");
        }
        if (!meeting.attends(delegateId)) {
            throw AttendanceRefusal.conflict("Not an attendee", "The holder of this code is no longer an attendee of "
                    + "this meeting.");
        }
        Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        LocalDate today = now.atZone(meeting.zoneId()).toLocalDate();
        LocalDate day = meeting.localStart().toLocalDate();
        if (!today.equals(day)) {
            throw AttendanceRefusal.conflict("Not the meeting's day", "Check-in for this meeting is on " + day
                    + " (" + meeting.zoneId() + "); today is " + today + ".");
        }
        boolean[] repeated = new boolean[1];
        MeetingAttendance saved = change(convoyId, meeting, current -> {
            repeated[0] = current.arrivalOf(delegateId).isPresent();
            return current.checkIn(delegateId, by, now, meeting.endsAt(), meeting.zoneId().getId());
        });
        if (!repeated[0]) {
            log.atInfo().addKeyValue("meetingId", meetingId).addKeyValue("delegateId", delegateId).log("Attendee checked in");
        }
        return new CheckIn(meeting, delegateId, delegates.byId(List.of(delegateId)).get(delegateId),
                saved.arrivalOf(delegateId).orElseThrow(), repeated[0]);
    }

    /** Every attendee of a confirmed meeting: arrived, excused, expected, or (once it ended) a no-show. */
    public MeetingPresence presence(String convoyId, UUID meetingId) {
        Meeting meeting = confirmedMeeting(convoyId, meetingId);
        MeetingAttendance record = attendance.findById(meetingId).orElse(MeetingAttendance.none(meetingId, convoyId));
        Map<UUID, ScheduledDelegate> known = delegates.byId(meeting.attendeeIds());
        boolean ended = !clock.instant().isBefore(meeting.endsAt());
        List<Attendee> attendees = meeting.attendeeIds().stream()
                .map(id -> attendee(id, known.get(id), record, ended))
                .sorted(Comparator.comparing((Attendee a) -> a.delegate() == null ? "" : a.delegate().familyName())
                        .thenComparing(a -> a.delegate() == null ? "" : a.delegate().givenName()))
                .toList();
        return new MeetingPresence(meeting, ended, attendees);
    }

    /** Excuses an attendee's absence; excusing again changes nothing; someone who came cannot be excused. */
    public MeetingPresence excuse(String convoyId, UUID meetingId, UUID delegateId, String reason) {
        Meeting meeting = confirmedMeeting(convoyId, meetingId);
        if (!meeting.attends(delegateId)) {
            throw new FieldProblemException("delegateId", "is not an attendee of this meeting");
        }
        change(convoyId, meeting, current -> {
            if (current.arrivalOf(delegateId).isPresent()) {
                throw AttendanceRefusal.conflict("Attendee arrived", "She checked in at this meeting; an arrival is "
                        + "not excused.");
            }
            return current.excuse(delegateId, reason, clock.instant());
        });
        return presence(convoyId, meetingId);
    }

    /**
     * The convoy's delegates who missed a confirmed meeting that has ended, without an excuse; most first. Meetings
     * whose desk recorded nothing (no arrival, no excuse) do not count: check-in was not used there.
     */
    public List<NoShows> noShows(String convoyId) {
        Instant now = clock.instant();
        Map<UUID, MeetingAttendance> records = attendance.findByConvoyId(convoyId).stream()
                .collect(Collectors.toMap(MeetingAttendance::meetingId, Function.identity()));
        Map<UUID, List<Meeting>> missed = meetings.confirmed(convoyId).stream()
                .filter(meeting -> !now.isBefore(meeting.endsAt()) && records.containsKey(meeting.id()))
                .flatMap(meeting -> meeting.attendeeIds().stream().filter(id -> {
                    MeetingAttendance record = records.get(meeting.id());
                    return record.arrivalOf(id).isEmpty() && record.excuseOf(id).isEmpty();
                }).map(id -> Map.entry(id, meeting)))
                .collect(Collectors.groupingBy(Map.Entry::getKey,
                        Collectors.mapping(Map.Entry::getValue, Collectors.toList())));
        Map<UUID, ScheduledDelegate> known = delegates.byId(missed.keySet());
        return missed.entrySet().stream()
                .map(entry -> new NoShows(entry.getKey(), known.get(entry.getKey()), entry.getValue().stream()
                        .sorted(Comparator.comparing(Meeting::startsAt)).toList()))
                .sorted(Comparator.comparing((NoShows shows) -> -shows.meetings().size())
                        .thenComparing(shows -> shows.delegateId().toString()))
                .toList();
    }

    /** The survey a survey pass opens. */
    public Survey survey(String token) {
        SurveyHolder holder = surveyHolder(token);
        return new Survey(holder.meeting(), holder.delegateId(), holder.record().feedbackOf(holder.delegateId()),
                holder.meeting().endsAt().plus(FEEDBACK_WINDOW));
    }

    /**
     * Records an attendee's answer, or her changed answer, once the meeting has ended and until a week after.
     *
     * @throws AttendanceRefusal 401 for a pass that is not genuine, 403 for someone who did not check in, 409 before
     *                           the meeting ended, 410 after the week
     */
    public Survey answer(String token, FeedbackAnswer answer) {
        SurveyHolder holder = surveyHolder(token);
        Meeting meeting = holder.meeting();
        Instant now = clock.instant();
        if (now.isBefore(meeting.endsAt())) {
            throw AttendanceRefusal.conflict("Meeting not over", "The survey opens when the meeting ends, at "
                    + WHEN.format(meeting.localEnd()) + " (" + meeting.zoneId() + ").");
        }
        Instant until = meeting.endsAt().plus(FEEDBACK_WINDOW);
        if (now.isAfter(until)) {
            throw AttendanceRefusal.gone("Survey closed", "Answers were taken until "
                    + WHEN.format(until.atZone(meeting.zoneId())) + " (" + meeting.zoneId() + ").");
        }
        MeetingAttendance saved = change(holder.record().convoyId(), meeting, current -> current.answer(holder.delegateId(), answer, now));
        return new Survey(meeting, holder.delegateId(), saved.feedbackOf(holder.delegateId()), until);
    }

    private record SurveyHolder(Meeting meeting, UUID delegateId, MeetingAttendance record) {
    }

    private SurveyHolder surveyHolder(String token) {
        AttendeePasses.Holder holder = passes.verifySurvey(token).orElseThrow(() -> AttendanceRefusal.notValid(
                "This survey link is not valid; open the link of your email again."));
        MeetingAttendance record = attendance.findById(holder.meetingId()).orElse(null);
        if (record == null || record.arrivalOf(holder.attendeeId()).isEmpty()) {
            throw AttendanceRefusal.forbidden("Not checked in", "The survey is for attendees who checked in at the "
                    + "meeting.");
        }
        return new SurveyHolder(meetings.meeting(record.convoyId(), holder.meetingId()), holder.attendeeId(), record);
    }

    private Meeting confirmedMeeting(String convoyId, UUID meetingId) {
        Meeting meeting = meetings.meeting(convoyId, meetingId);
        if (!meeting.is(MeetingStatus.CONFIRMED)) {
            throw AttendanceRefusal.conflict("Meeting not confirmed", "Attendance is kept for confirmed meetings; "
                    + "this one is " + meeting.status().name().toLowerCase() + ".");
        }
        return meeting;
    }

    private static Attendee attendee(UUID id, ScheduledDelegate delegate, MeetingAttendance record, boolean ended) {
        Optional<MeetingAttendance.Arrival> arrival = record.arrivalOf(id);
        Optional<MeetingAttendance.Excuse> excuse = record.excuseOf(id);
        Presence presence = arrival.isPresent() ? Presence.ARRIVED : excuse.isPresent() ? Presence.EXCUSED
                : ended ? Presence.NO_SHOW : Presence.EXPECTED;
        return new Attendee(id, delegate, presence, arrival, excuse);
    }

    /** The attendee a pass or short code names, for this meeting. */
    private UUID holder(String convoyId, Meeting meeting, String token, String code) {
        boolean hasToken = token != null && !token.isBlank();
        boolean hasCode = code != null && !code.isBlank();
        if (hasToken == hasCode) {
            throw new FieldProblemException("token", "give either the scanned code (token) or the short code (code)");
        }
        if (hasToken) {
            AttendeePasses.Holder holder = passes.verifyCheckIn(token).orElseThrow(() -> new FieldProblemException(
                    "token", "is not a check-in code of this platform"));
            if (!holder.meetingId().equals(meeting.id())) {
                throw otherMeeting(convoyId, holder.meetingId());
            }
            return holder.attendeeId();
        }
        String typed = AttendeePasses.normalizeCode(code);
        if (!typed.matches("[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}")) {
            throw new FieldProblemException("code", "is 8 letters and digits, as printed under the QR code");
        }
        Optional<UUID> here = meeting.attendeeIds().stream()
                .filter(id -> passes.shortCode(meeting.id(), id).equals(typed)).findFirst();
        if (here.isPresent()) {
            return here.get();
        }
        Optional<Meeting> elsewhere = meetings.confirmed(convoyId).stream()
                .filter(other -> other.attendeeIds().stream().anyMatch(id -> passes.shortCode(other.id(), id).equals(typed)))
                .findFirst();
        if (elsewhere.isPresent()) {
            throw otherMeeting(elsewhere.get());
        }
        throw new FieldProblemException("code", "is not the code of an attendee of this meeting");
    }

    private AttendanceRefusal otherMeeting(String convoyId, UUID otherId) {
        try {
            return otherMeeting(meetings.meeting(convoyId, otherId));
        } catch (RuntimeException unknown) {
            return AttendanceRefusal.conflict("Code of another meeting", "This code is for another meeting.");
        }
    }

    private static AttendanceRefusal otherMeeting(Meeting other) {
        return AttendanceRefusal.conflict("Code of another meeting", "This code is for another meeting: "
                + other.plan().hostName() + ", " + WHEN.format(other.localStart()) + " (" + other.zoneId() + ").");
    }

    /** One write of the meeting's attendance, none when nothing changed; the first change creates its document. */
    private MeetingAttendance change(String convoyId, Meeting meeting, UnaryOperator<MeetingAttendance> change) {
        MeetingAttendance[] held = new MeetingAttendance[2];
        writes.change(() -> {
            held[0] = attendance.findById(meeting.id()).orElse(MeetingAttendance.none(meeting.id(), convoyId));
            return held;
        }, current -> current[1] = change.apply(current[0]), current -> {
            if (current[1] != current[0]) {
                try {
                    current[1] = attendance.save(current[1]);
                } catch (DuplicateKeyException firstWriterWon) {
                    throw new OptimisticLockingFailureException("Attendance created meanwhile", firstWriterWon);
                }
            }
            return current;
        });
        if (held[1] != held[0] && held[1].hasPendingEvents()) {
            relay.nudge(held[1]);
        }
        return held[1];
    }
}
