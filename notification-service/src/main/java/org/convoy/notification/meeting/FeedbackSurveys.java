package org.convoy.notification.meeting;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Optional;
import java.util.UUID;

import org.convoy.events.AttendeeCheckedIn;
import org.convoy.events.MeetingDetails;
import org.convoy.notification.NotificationProperties;
import org.convoy.notification.contact.Recipients;
import org.convoy.notification.convoy.ConvoyNames;
import org.convoy.notification.meeting.domain.CheckedInAttendee;
import org.convoy.notification.meeting.domain.CheckedInAttendeeRepository;
import org.convoy.notification.meeting.domain.MeetingCopy;
import org.convoy.notification.meeting.domain.MeetingCopyRepository;
import org.convoy.notification.notice.NoticeDispatcher;
import org.convoy.notification.notice.channel.Content;
import org.convoy.notification.notice.Outgoing;
import org.convoy.support.instances.TimedJobs;
import org.convoy.support.links.AttendeePasses;
import org.convoy.support.links.PublicAddress;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;

/**
 * After a meeting ends, every attendee who checked in at it gets one email, in her language, asking how it went, with
 * the link to her survey ({@code /survey#pass=<survey pass>}). Notification notes each check-in from the meeting
 * stream; a timed job (under a {@link TimedJobs} lease, by the service's {@link Clock}) sends the surveys of meetings
 * that ended. A survey has a fixed identity per meeting and attendee, so it is sent once however often the job runs
 * or the check-in arrives. Surveys are routine notices: an attendee who opted out of routine email gets none. Once
 * answers are closed (a week after the end, as scheduling keeps them) no survey is sent any more.
 */
@Service
public class FeedbackSurveys {

    static final String JOB = "feedback-survey";
    /** How long after its end a meeting's answers are taken (scheduling's {@code Attendance.FEEDBACK_WINDOW}). */
    static final Duration ANSWERS_OPEN_FOR = Duration.ofDays(7);

    private static final Logger log = LoggerFactory.getLogger(FeedbackSurveys.class);

    private final CheckedInAttendeeRepository checkIns;
    private final MeetingCopyRepository meetings;
    private final NoticeDispatcher notices;
    private final Recipients recipients;
    private final ConvoyNames convoys;
    private final AttendeePasses passes;
    private final PublicAddress address;
    private final SurveyProperties properties;
    private final Clock clock;
    private final TimedJobs jobs;

    FeedbackSurveys(CheckedInAttendeeRepository checkIns, MeetingCopyRepository meetings, NoticeDispatcher notices,
            Recipients recipients, ConvoyNames convoys, AttendeePasses passes, NotificationProperties notification,
            SurveyProperties properties, Clock clock, TimedJobs jobs) {
        this.checkIns = checkIns;
        this.meetings = meetings;
        this.notices = notices;
        this.recipients = recipients;
        this.convoys = convoys;
        this.passes = passes;
        this.address = new PublicAddress(notification.publicBaseUrl());
        this.properties = properties;
        this.clock = clock;
        this.jobs = jobs;
    }

    /** Why a survey is sent: one attendee's feedback on one meeting. Not published; it names the notice in the ledger. */
    record SurveyDue(UUID eventId, Instant occurredAt, UUID meetingId, UUID delegateId) implements TimedNotice {

        static SurveyDue of(UUID meetingId, UUID delegateId, Instant now) {
            return new SurveyDue(TimedNotice.idOf("survey", meetingId, delegateId), now, meetingId, delegateId);
        }

        @Override
        public String aggregateId() {
            return meetingId.toString();
        }
    }

    /** Notes the arrival; the same check-in again changes nothing. */
    public void checkedIn(AttendeeCheckedIn event) {
        String id = CheckedInAttendee.idOf(event.meetingId(), event.delegateId());
        if (!checkIns.existsById(id)) {
            checkIns.save(new CheckedInAttendee(id, event.meetingId(), event.convoyId(), event.delegateId(),
                    event.checkedInAt(), event.endsAt(), event.zone(), false));
        }
    }

    @Scheduled(fixedDelayString = "${convoy.notification.survey.poll:5m}", initialDelayString = "5s")
    void sendDue() {
        TimedNotice.pass(properties.enabled(), jobs, JOB, this::sendDueNow, log,
                "Sending the surveys of ended meetings failed; will try again");
    }

    private void sendDueNow() {
        Instant now = clock.instant();
        for (CheckedInAttendee attendee : checkIns.findBySurveyedFalseAndEndsAtLessThanEqual(now)) {
            Optional<MeetingCopy> meeting = meetings.findById(attendee.meetingId());
            if (meeting.isEmpty() || meeting.get().cancelled()) {
                log.atWarn().addKeyValue("meetingId", attendee.meetingId()).addKeyValue("delegateId",
                        attendee.delegateId()).log("The meeting is cancelled or not known here; no survey");
                checkIns.save(attendee.asSurveyed());
            } else if (meeting.get().details().endsAt().isAfter(now)) {
                // Moved later after she checked in: asked once the meeting as it is now has ended.
                checkIns.save(new CheckedInAttendee(attendee.id(), attendee.meetingId(), attendee.convoyId(),
                        attendee.delegateId(), attendee.checkedInAt(), meeting.get().details().endsAt(),
                        attendee.zone(), false));
            } else if (meeting.get().details().endsAt().plus(ANSWERS_OPEN_FOR).isBefore(now)) {
                checkIns.save(attendee.asSurveyed());
            } else if (send(attendee, meeting.get().details(), now)) {
                checkIns.save(attendee.asSurveyed());
            }
        }
    }

    /** @return whether the survey was handed to the sender (false: her contact is not known yet; tried again later) */
    private boolean send(CheckedInAttendee attendee, MeetingDetails details, Instant now) {
        SurveyDue due = SurveyDue.of(attendee.meetingId(), attendee.delegateId(), now);
        String link = address.of("/survey#pass=" + passes.survey(attendee.meetingId(), attendee.delegateId()));
        Recipients.Found to = recipients.find(due, attendee.delegateId());
        if (!to.unknown().isEmpty()) {
            log.atWarn().addKeyValue("eventId", due.eventId()).addKeyValue("meetingId", attendee.meetingId())
                    .addKeyValue("delegateId", attendee.delegateId())
                    .log("No contact known for this attendee; her survey waits");
            return false;
        }
        notices.send(to.known().stream().map(contact -> new Outgoing(due, contact, attendee.meetingId(),
                new Content("meeting-survey", MeetingNotices.with(MeetingNotices.args(contact, details, null),
                        convoys.of(attendee.convoyId(), contact.language()), link)),
                Outgoing.Importance.ROUTINE, ZoneId.of(details.zone()))).toList());
        return true;
    }
}
