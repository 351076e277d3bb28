package org.convoy.scheduling.attendance;

import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.convoy.scheduling.attendance.domain.AttendanceRepository;
import org.convoy.scheduling.attendance.domain.MeetingAttendance;
import org.convoy.scheduling.meeting.Meetings;
import org.convoy.scheduling.meeting.domain.Meeting;
import org.convoy.scheduling.report.MeetingOutcomes;
import org.springframework.stereotype.Component;

/**
 * The convoy's report reads what the venues' desks and the surveys recorded: per confirmed meeting whose desk recorded
 * anything (an arrival or an excuse), its attendees who checked in, those excused, and, once it has ended, those who
 * did neither (no-shows); and the survey answers given. A meeting with no record is left out: its desk did not use
 * check-in, and counting its attendees absent would tell the sponsors something nobody saw.
 */
@Component
class RecordedOutcomes implements MeetingOutcomes {

    private final AttendanceRepository attendance;
    private final Meetings meetings;
    private final Clock clock;

    RecordedOutcomes(AttendanceRepository attendance, Meetings meetings, Clock clock) {
        this.attendance = attendance;
        this.meetings = meetings;
        this.clock = clock;
    }

    @Override
    public Map<UUID, Attendance> attendance(String convoyId) {
        Instant now = clock.instant();
        Map<UUID, MeetingAttendance> records = records(convoyId);
        Map<UUID, Attendance> outcomes = new HashMap<>();
        for (Meeting meeting : meetings.confirmed(convoyId)) {
            MeetingAttendance known = records.get(meeting.id());
            if (known == null) {
                continue;
            }
            boolean ended = !now.isBefore(meeting.endsAt());
            List<UUID> invited = meeting.attendeeIds();
            int checkedIn = (int) invited.stream().filter(id -> known.arrivalOf(id).isPresent()).count();
            int excused = (int) invited.stream()
                    .filter(id -> known.arrivalOf(id).isEmpty() && known.excuseOf(id).isPresent()).count();
            int noShows = ended ? invited.size() - checkedIn - excused : 0;
            outcomes.put(meeting.id(), new Attendance(checkedIn, excused, noShows));
        }
        return outcomes;
    }

    @Override
    public Map<UUID, Feedback> feedback(String convoyId) {
        return records(convoyId).values().stream().filter(record -> !record.feedback().isEmpty())
                .collect(Collectors.toMap(MeetingAttendance::meetingId, record -> new Feedback(record.feedback().size(),
                        record.feedback().stream().mapToInt(MeetingAttendance.Feedback::rating).sum())));
    }

    private Map<UUID, MeetingAttendance> records(String convoyId) {
        return attendance.findByConvoyId(convoyId).stream()
                .collect(Collectors.toMap(MeetingAttendance::meetingId, Function.identity()));
    }
}
