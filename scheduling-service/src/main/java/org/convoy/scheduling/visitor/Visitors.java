package org.convoy.scheduling.visitor;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

import org.convoy.scheduling.delegate.Delegates;
import org.convoy.scheduling.delegate.domain.ScheduledDelegate;
import org.convoy.scheduling.host.Hosts;
import org.convoy.scheduling.meeting.MeetingFilter;
import org.convoy.scheduling.meeting.Meetings;
import org.convoy.scheduling.meeting.domain.Meeting;
import org.convoy.scheduling.meeting.domain.MeetingStateException;
import org.convoy.scheduling.meeting.domain.MeetingStatus;
import org.springframework.stereotype.Service;

/**
 * What a host's security desk may know of who comes to its confirmed meetings. A visitor's name is always given (it
 * is needed to enter the venue); organization and position only when the delegate agreed to share them with hosts.
 * Nothing else (no contact details) leaves scheduling this way.
 */
@Service
public class Visitors {

    private final Meetings meetings;
    private final Hosts hosts;
    private final Delegates delegates;

    Visitors(Meetings meetings, Hosts hosts, Delegates delegates) {
        this.meetings = meetings;
        this.hosts = hosts;
        this.delegates = delegates;
    }

    /** @param profileShared whether the delegate agreed to show organization and position */
    public record Visitor(String name, String organization, String position, boolean profileShared) {
    }

    /** A confirmed meeting and its visitors, by family name. */
    public record Visit(Meeting meeting, List<Visitor> visitors) {
    }

    public Visit ofMeeting(String convoyId, UUID meetingId) {
        Meeting meeting = meetings.meeting(convoyId, meetingId);
        if (!meeting.is(MeetingStatus.CONFIRMED)) {
            throw new MeetingStateException("Visitor lists exist for confirmed meetings only; this one is "
                    + meeting.status().name().toLowerCase() + ".");
        }
        return visits(List.of(meeting)).get(0);
    }

    /** Every confirmed meeting of the host, in time order. */
    public List<Visit> ofHost(String convoyId, String hostId) {
        hosts.get(convoyId, hostId);
        return visits(meetings.search(convoyId, new MeetingFilter(null, null, MeetingStatus.CONFIRMED, hostId, null)).stream()
                .sorted(Comparator.comparing(Meeting::startsAt)).toList());
    }

    private List<Visit> visits(List<Meeting> selected) {
        Map<UUID, ScheduledDelegate> known = delegates.byId(selected.stream()
                .flatMap(meeting -> meeting.attendeeIds().stream()).distinct().toList());
        return selected.stream().map(meeting -> new Visit(meeting, meeting.attendeeIds().stream().map(known::get)
                .filter(Objects::nonNull)
                .sorted(Comparator.comparing(ScheduledDelegate::familyName).thenComparing(ScheduledDelegate::givenName))
                .map(Visitors::asVisitor)
                .toList())).toList();
    }

    private static Visitor asVisitor(ScheduledDelegate delegate) {
        return delegate.sharesWithHosts()
                ? new Visitor(delegate.fullName(), delegate.organization(), delegate.position(), true)
                : new Visitor(delegate.fullName(), null, null, false);
    }
}
