package org.convoy.scheduling.meeting;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.convoy.scheduling.convoy.ConvoyReferences;
import org.convoy.scheduling.convoy.Convoys;
import org.convoy.scheduling.convoy.domain.Convoy;
import org.convoy.scheduling.delegate.DelegateDeparted;
import org.convoy.scheduling.delegate.Delegates;
import org.convoy.scheduling.delegate.domain.ScheduledDelegate;
import org.convoy.scheduling.host.HostReferences;
import org.convoy.scheduling.host.domain.Host;
import org.convoy.scheduling.host.domain.HostRepository;
import org.convoy.scheduling.meeting.domain.Conflict;
import org.convoy.scheduling.meeting.domain.HostAnswer;
import org.convoy.scheduling.meeting.domain.Meeting;
import org.convoy.scheduling.meeting.domain.MeetingNotFoundException;
import org.convoy.scheduling.meeting.domain.MeetingPlan;
import org.convoy.scheduling.meeting.domain.MeetingStatus;
import org.convoy.scheduling.meeting.domain.PlanningRules;
import org.convoy.scheduling.meeting.domain.Schedule;
import org.convoy.scheduling.meeting.domain.StoredMeeting;
import org.convoy.support.problem.FieldProblemException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;

/**
 * Plans, confirms, moves and cancels meetings. Every change reads the meeting and the confirmed meetings it must fit
 * around (its host's and its attendees'), applies the change with the planning rules, and commits it with the events
 * to relay through the convoy's schedule head ({@link ScheduleStore}); a commit that lost a race is redone on what
 * the winner left, where the rules see what the winner confirmed.
 */
@Service
public class Meetings implements HostReferences, ConvoyReferences.ConfirmedMeetingDays {

    private static final Logger log = LoggerFactory.getLogger(Meetings.class);
    static final Duration LONGEST_MEETING = Duration.ofHours(8);
    private static final int FEW = 5;

    private final ScheduleStore store;
    private final Convoys convoys;
    private final HostRepository hosts;
    private final Delegates delegates;
    private final Clock clock;

    Meetings(ScheduleStore store, Convoys convoys, HostRepository hosts, Delegates delegates, Clock clock) {
        this.store = store;
        this.convoys = convoys;
        this.hosts = hosts;
        this.delegates = delegates;
        this.clock = clock;
    }

    /** The convoy's meetings that pass the filter, in time order, read by the filter's most selective field. */
    public List<Meeting> search(String convoyId, MeetingFilter filter) {
        convoys.get(convoyId);
        List<StoredMeeting> candidates;
        if (filter.delegateId() != null) {
            candidates = store.ofAttendees(convoyId, List.of(filter.delegateId()));
        } else if (filter.hostId() != null) {
            candidates = store.ofHost(convoyId, filter.hostId());
        } else if (filter.date() != null) {
            candidates = store.ofDay(convoyId, filter.date());
        } else if (filter.status() == MeetingStatus.CONFIRMED) {
            candidates = store.confirmed(convoyId);
        } else {
            candidates = store.ofConvoy(convoyId);
        }
        return candidates.stream().map(StoredMeeting::meeting).filter(meeting -> filter.accepts(meeting, meeting.zoneId()))
                .sorted(Comparator.comparing(Meeting::startsAt).thenComparing(Meeting::id)).toList();
    }

    /** Every confirmed meeting of the convoy. */
    public List<Meeting> confirmed(String convoyId) {
        convoys.get(convoyId);
        return store.confirmed(convoyId).stream().map(StoredMeeting::meeting).toList();
    }

    public Meeting meeting(String convoyId, UUID meetingId) {
        convoys.get(convoyId);
        return store.meeting(convoyId, meetingId).orElseThrow(() -> new MeetingNotFoundException(meetingId));
    }

    public Meeting draft(String convoyId, PlanInput input) {
        MeetingPlan plan = plan(convoyId, input);
        UUID meetingId = UUID.randomUUID();
        Meeting draft = change(convoyId, none(), schedule -> schedule.draft(meetingId, plan, clock.instant()));
        log.atInfo().addKeyValue("convoyId", convoyId).addKeyValue("meetingId", meetingId).log("Meeting drafted");
        return draft;
    }

    /** Drafts many meetings in one write (a generated agenda). */
    public List<Meeting> draftAll(String convoyId, List<PlanInput> inputs) {
        List<MeetingPlan> plans = inputs.stream().map(input -> plan(convoyId, input)).toList();
        List<UUID> ids = plans.stream().map(plan -> UUID.randomUUID()).toList();
        return change(convoyId, none(), schedule -> {
            for (int i = 0; i < plans.size(); i++) {
                schedule.draft(ids.get(i), plans.get(i), clock.instant());
            }
            return ids.stream().map(id -> schedule.meeting(id).orElseThrow()).toList();
        });
    }

    public Meeting replan(String convoyId, UUID meetingId, PlanInput input) {
        MeetingPlan plan = plan(convoyId, input);
        Meeting meeting = change(convoyId, around(convoyId, meetingId, plan),
                schedule -> schedule.replan(meetingId, plan, rulesFor(convoyId, plan), clock.instant()));
        log.atInfo().addKeyValue("meetingId", meetingId).addKeyValue("sequence", meeting.sequence()).log("Meeting replanned");
        return meeting;
    }

    public Meeting confirm(String convoyId, UUID meetingId) {
        Meeting meeting = change(convoyId, around(convoyId, meetingId, null), schedule -> {
            Meeting current = schedule.meeting(meetingId).orElseThrow(() -> new MeetingNotFoundException(meetingId));
            return schedule.confirm(meetingId, rulesFor(convoyId, current.plan()), clock.instant());
        });
        log.atInfo().addKeyValue("meetingId", meetingId).log("Meeting confirmed");
        return meeting;
    }

    public Meeting cancel(String convoyId, UUID meetingId, String reason) {
        return change(convoyId, only(convoyId, meetingId),
                schedule -> schedule.cancel(meetingId, reason, clock.instant()));
    }

    /** A host contact answered about a confirmed meeting of her host (see {@link Schedule#answer}). */
    public Meeting answer(String convoyId, UUID meetingId, String hostId, HostAnswer answer) {
        Meeting meeting = change(convoyId, only(convoyId, meetingId),
                schedule -> schedule.answer(meetingId, hostId, answer, clock.instant()));
        log.atInfo().addKeyValue("meetingId", meetingId).addKeyValue("hostId", hostId)
                .addKeyValue("answer", answer.kind()).log("Host answered about a visit");
        return meeting;
    }

    public void discard(String convoyId, UUID meetingId) {
        change(convoyId, only(convoyId, meetingId), schedule -> {
            schedule.discard(meetingId);
            return null;
        });
    }

    /** A delegate withdrew or was erased: they leave the meetings that have not started. */
    @EventListener
    void departed(DelegateDeparted departure) {
        leave(departure.convoyId(), departure.delegateId(), departure.erased());
    }

    public List<Meeting> leave(String convoyId, UUID delegateId, boolean erased) {
        if (store.ofAttendees(convoyId, List.of(delegateId)).isEmpty()) {
            return List.of();
        }
        String reason = "No attendees left";
        List<Meeting> changed = change(convoyId, store -> store.ofAttendees(convoyId, List.of(delegateId)),
                schedule -> schedule.leave(delegateId, clock.instant(), erased, reason));
        if (!changed.isEmpty()) {
            log.atInfo().addKeyValue("delegateId", delegateId).addKeyValue("meetings", changed.size())
                    .log("Delegate left their upcoming meetings");
        }
        return changed;
    }

    @Override
    public boolean meetingsWith(String convoyId, String hostId) {
        return store.ofHost(convoyId, hostId).stream()
                .anyMatch(stored -> !stored.meeting().is(MeetingStatus.CANCELLED));
    }

    @Override
    public Set<LocalDate> confirmedMeetingDays(String convoyId) {
        return store.confirmed(convoyId).stream().map(StoredMeeting::day).collect(Collectors.toSet());
    }

    /**
     * What would stop these meetings from being confirmed as they stand, by meeting (drafts only: confirmed and
     * cancelled meetings have nothing to stop them).
     */
    public Map<UUID, List<Conflict>> conflicts(String convoyId, List<Meeting> selected) {
        List<Meeting> drafts = selected.stream().filter(meeting -> meeting.is(MeetingStatus.DRAFT)).toList();
        if (drafts.isEmpty()) {
            return Map.of();
        }
        // A few drafts are checked against what each must fit around; many against everything confirmed, read once.
        List<Meeting> confirmed = drafts.size() > FEW ? confirmed(convoyId) : null;
        Map<UUID, List<Conflict>> conflicts = new HashMap<>();
        for (Meeting draft : drafts) {
            List<Meeting> around = confirmed != null ? confirmed : store.around(convoyId, draft.id(), draft.hostId(),
                    draft.attendeeIds()).stream().map(StoredMeeting::meeting).toList();
            conflicts.put(draft.id(), rulesFor(convoyId, draft.plan()).check(draft, around));
        }
        return conflicts;
    }

    private PlanningRules rulesFor(String convoyId, MeetingPlan plan) {
        Convoy convoy = convoys.get(convoyId);
        Host host = hosts.findById(Host.key(convoyId, plan.hostId()))
                .orElseThrow(() -> new FieldProblemException("hostId", "unknown host " + plan.hostId()));
        return new PlanningRules(convoy, host, delegates.byId(plan.attendeeIds()));
    }

    /** Checks what can be checked without the other meetings, and fills in the host's venue. */
    MeetingPlan plan(String convoyId, PlanInput input) {
        Convoy convoy = convoys.get(convoyId);
        if (!input.endsAt().isAfter(input.startsAt())) {
            throw new FieldProblemException("endsAt", "must be after startsAt");
        }
        if (Duration.between(input.startsAt(), input.endsAt()).compareTo(LONGEST_MEETING) > 0) {
            throw new FieldProblemException("endsAt", "a meeting lasts at most " + LONGEST_MEETING.toHours() + " hours");
        }
        Host host = hosts.findById(Host.key(convoyId, input.hostId()))
                .orElseThrow(() -> new FieldProblemException("hostId", "unknown host " + input.hostId()));
        String city = host.venue().city();
        if (!convoy.onOneDay(input.startsAt(), input.endsAt(), city)) {
            throw new FieldProblemException("startsAt", "must start and end on one day of the convoy, "
                    + convoy.firstDay() + " to " + convoy.lastDay() + " (" + convoy.zoneOf(city) + ", the time of "
                    + convoy.cityName(city) + ")");
        }
        Set<UUID> distinct = new HashSet<>(input.attendeeIds());
        if (distinct.size() != input.attendeeIds().size()) {
            throw new FieldProblemException("attendeeIds", "names a delegate more than once");
        }
        Map<UUID, ScheduledDelegate> known = delegates.byId(input.attendeeIds());
        List<UUID> unknown = input.attendeeIds().stream()
                .filter(id -> !known.containsKey(id) || !convoyId.equals(known.get(id).convoyId())).toList();
        if (!unknown.isEmpty()) {
            throw new FieldProblemException("attendeeIds", "unknown delegates in this convoy: " + unknown);
        }
        return MeetingPlan.at(host, convoy, input.startsAt(), input.endsAt(), input.axis(), input.sector(),
                input.title(), input.attendeeIds());
    }

    private <T> T change(String convoyId, ScheduleStore.WorkingSet needs, Function<Schedule, T> change) {
        convoys.get(convoyId);
        return store.change(convoyId, needs, change);
    }

    private static ScheduleStore.WorkingSet none() {
        return store -> List.of();
    }

    private static ScheduleStore.WorkingSet only(String convoyId, UUID meetingId) {
        return store -> store.stored(convoyId, meetingId).map(List::of).orElse(List.of());
    }

    /**
     * The meeting and the confirmed meetings it must fit around, as planned ({@code plan}) or, when null, as it
     * stands.
     */
    private static ScheduleStore.WorkingSet around(String convoyId, UUID meetingId, MeetingPlan plan) {
        return store -> {
            MeetingPlan planned = plan != null ? plan : store.meeting(convoyId, meetingId).map(Meeting::plan).orElse(null);
            if (planned == null) {
                return List.of();
            }
            return store.around(convoyId, meetingId, planned.hostId(), planned.attendeeIds());
        };
    }
}
