package org.convoy.scheduling.hostpage;

import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;

import org.convoy.scheduling.host.domain.Host;
import org.convoy.scheduling.host.domain.HostRepository;
import org.convoy.scheduling.meeting.Meetings;
import org.convoy.scheduling.meeting.domain.HostAnswer;
import org.convoy.scheduling.meeting.domain.Meeting;
import org.convoy.scheduling.meeting.domain.MeetingNotFoundException;
import org.convoy.scheduling.visitor.Visitors;
import org.springframework.stereotype.Service;

/**
 * What a host contact sees and does on the host page: her host's upcoming visits in every convoy it takes part in,
 * each with its visitor list for the security desk (what delegates agreed to share, see {@link Visitors}), and her
 * answer about each: the host receives it, or asks for another time.
 */
@Service
public class HostPages {

    private final HostRepository hosts;
    private final Visitors visitors;
    private final Meetings meetings;
    private final Clock clock;

    HostPages(HostRepository hosts, Visitors visitors, Meetings meetings, Clock clock) {
        this.hosts = hosts;
        this.visitors = visitors;
        this.meetings = meetings;
        this.clock = clock;
    }

    /** A confirmed meeting of the host that has not ended, with its convoy. */
    public record UpcomingVisit(String convoyId, Visitors.Visit visit) {
    }

    /** The host's confirmed meetings that have not ended yet, in time order, across its convoys. */
    public List<UpcomingVisit> upcoming(HostLinks.Holder holder) {
        Instant now = clock.instant();
        return hosts.findByHostId(holder.hostId()).stream().map(Host::convoyId).distinct()
                .flatMap(convoyId -> visitors.ofHost(convoyId, holder.hostId()).stream()
                        .filter(visit -> visit.meeting().endsAt().isAfter(now))
                        .map(visit -> new UpcomingVisit(convoyId, visit)))
                .sorted(Comparator.comparing(upcoming -> upcoming.visit().meeting().startsAt()))
                .toList();
    }

    /**
     * The contact's answer about one of her host's visits, at the time the page showed it ({@code sequence}).
     *
     * @throws MeetingNotFoundException for a meeting not of her host, or not confirmed
     * @throws org.convoy.scheduling.meeting.domain.MeetingStateException when the meeting moved since
     */
    public UpcomingVisit answer(HostLinks.Holder holder, String convoyId, UUID meetingId, int sequence,
            HostAnswer.Kind kind, String message) {
        hosts.findById(Host.key(convoyId, holder.hostId()))
                .orElseThrow(() -> new MeetingNotFoundException(meetingId));
        Meeting answered = meetings.answer(convoyId, meetingId, holder.hostId(),
                new HostAnswer(kind, message, holder.contactId(), holder.name(), sequence, clock.instant()));
        return new UpcomingVisit(convoyId, visitors.ofMeeting(convoyId, answered.id()));
    }
}
