package org.convoy.scheduling.attendance.web;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

import org.convoy.scheduling.attendance.Attendance;
import org.convoy.scheduling.delegate.domain.ScheduledDelegate;
import org.convoy.scheduling.meeting.domain.Meeting;

/** What the check-in desk, organizers and survey holders read; times in the meeting's zone, named. */
final class AttendanceViews {

    private AttendanceViews() {
    }

    /** The meeting as the desk and the survey name it. */
    record MeetingSummary(UUID meetingId, String hostName, String venue, String title, OffsetDateTime startsAt,
            OffsetDateTime endsAt, String zone) {

        static MeetingSummary of(Meeting meeting) {
            return new MeetingSummary(meeting.id(), meeting.plan().hostName(), meeting.plan().venue(),
                    meeting.plan().title(), meeting.localStart(), meeting.localEnd(), meeting.zoneId().getId());
        }
    }

    /** Who was checked in; {@code alreadyCheckedIn} when this was a repeated scan. */
    record CheckInView(MeetingSummary meeting, UUID delegateId, String name, String municipality, String state,
            OffsetDateTime checkedInAt, boolean alreadyCheckedIn) {

        static CheckInView of(Attendance.CheckIn checkIn) {
            ScheduledDelegate delegate = checkIn.delegate();
            return new CheckInView(MeetingSummary.of(checkIn.meeting()), checkIn.delegateId(), nameOf(delegate),
                    delegate == null ? null : delegate.municipality(), delegate == null ? null : delegate.state(),
                    local(checkIn.arrival().at(), checkIn.meeting().zoneId()), checkIn.repeated());
        }
    }

    record AttendeeView(UUID delegateId, String name, String municipality, Attendance.Presence presence,
            OffsetDateTime checkedInAt, String excuse) {
    }

    record AttendanceView(MeetingSummary meeting, boolean ended, long arrived, long excused, long expected,
            long noShows, List<AttendeeView> attendees) {

        static AttendanceView of(Attendance.MeetingPresence presence) {
            ZoneId zone = presence.meeting().zoneId();
            return new AttendanceView(MeetingSummary.of(presence.meeting()), presence.ended(),
                    presence.count(Attendance.Presence.ARRIVED), presence.count(Attendance.Presence.EXCUSED),
                    presence.count(Attendance.Presence.EXPECTED), presence.count(Attendance.Presence.NO_SHOW),
                    presence.attendees().stream().map(attendee -> new AttendeeView(attendee.delegateId(),
                            nameOf(attendee.delegate()),
                            attendee.delegate() == null ? null : attendee.delegate().municipality(),
                            attendee.presence(),
                            attendee.arrival().map(arrival -> local(arrival.at(), zone)).orElse(null),
                            attendee.excuse().map(excuse -> excuse.reason()).orElse(null))).toList());
        }
    }

    record NoShowView(UUID delegateId, String name, String municipality, int noShows, List<MeetingSummary> meetings) {

        static NoShowView of(Attendance.NoShows shows) {
            return new NoShowView(shows.delegateId(), nameOf(shows.delegate()),
                    shows.delegate() == null ? null : shows.delegate().municipality(), shows.meetings().size(),
                    shows.meetings().stream().map(MeetingSummary::of).toList());
        }
    }

    /** The survey: the meeting, her answer so far (null before the first), and until when she may change it. */
    record SurveyView(MeetingSummary meeting, Integer rating, Boolean followUp, String comment, Integer revision,
            OffsetDateTime editableUntil) {

        static SurveyView of(Attendance.Survey survey) {
            ZoneId zone = survey.meeting().zoneId();
            return new SurveyView(MeetingSummary.of(survey.meeting()),
                    survey.answer().map(answer -> answer.rating()).orElse(null),
                    survey.answer().map(answer -> answer.followUp()).orElse(null),
                    survey.answer().map(answer -> answer.comment()).orElse(null),
                    survey.answer().map(answer -> answer.revision()).orElse(null),
                    local(survey.editableUntil(), zone));
        }
    }

    /** An erased delegate has no name left. */
    private static String nameOf(ScheduledDelegate delegate) {
        return delegate == null ? null : delegate.fullName();
    }

    private static OffsetDateTime local(Instant at, ZoneId zone) {
        return at.atZone(zone).toOffsetDateTime();
    }
}
