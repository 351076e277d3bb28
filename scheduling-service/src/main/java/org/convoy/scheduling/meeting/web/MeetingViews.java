package org.convoy.scheduling.meeting.web;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.convoy.scheduling.delegate.Delegates;
import org.convoy.scheduling.delegate.domain.ScheduledDelegate;
import org.convoy.scheduling.meeting.Meetings;
import org.convoy.scheduling.meeting.domain.Conflict;
import org.convoy.scheduling.meeting.domain.Meeting;
import org.springframework.stereotype.Component;

/** Turns meetings into views, looking up every attendee once per answer. */
@Component
public class MeetingViews {

    private final Delegates delegates;
    private final Meetings meetings;

    MeetingViews(Delegates delegates, Meetings meetings) {
        this.delegates = delegates;
        this.meetings = meetings;
    }

    /** @param withConflicts whether drafts say what would stop them from being confirmed now */
    public List<MeetingView> of(String convoyId, List<Meeting> selected, boolean withConflicts) {
        Map<UUID, ScheduledDelegate> known = delegates.byId(selected.stream()
                .flatMap(meeting -> meeting.attendeeIds().stream()).distinct().toList());
        Map<UUID, List<Conflict>> conflicts = withConflicts ? meetings.conflicts(convoyId, selected) : Map.of();
        return selected.stream().map(meeting -> view(convoyId, meeting, known,
                conflicts.getOrDefault(meeting.id(), List.of()))).toList();
    }

    public MeetingView of(String convoyId, Meeting meeting) {
        return of(convoyId, List.of(meeting), true).get(0);
    }

    private static MeetingView view(String convoyId, Meeting meeting, Map<UUID, ScheduledDelegate> known,
            List<Conflict> conflicts) {
        List<MeetingView.Attendee> attendees = meeting.attendeeIds().stream().map(id -> {
            ScheduledDelegate delegate = known.get(id);
            return delegate == null ? new MeetingView.Attendee(id, null, null, null)
                    : new MeetingView.Attendee(id, delegate.givenName() + " " + delegate.familyName(),
                            delegate.organization(), delegate.status().name());
        }).toList();
        return new MeetingView(meeting.id(), convoyId, meeting.status(), meeting.sequence(), meeting.hostId(),
                meeting.plan().hostName(), meeting.plan().venue(), meeting.plan().address(), meeting.plan().city(), meeting.plan().cityName(),
                meeting.localStart(), meeting.localEnd(),
                meeting.plan().zone(), meeting.plan().axis(), meeting.plan().sector(), meeting.plan().title(), attendees, meeting.cancelReason(),
                conflicts, meeting.hostAnswer() == null ? null : new MeetingView.HostAnswerView(
                        meeting.hostAnswer().kind().name(), meeting.hostAnswer().message(),
                        meeting.hostAnswer().contactName(), meeting.hostAnswer().at().atZone(meeting.zoneId())
                                .toOffsetDateTime()));
    }
}
