package org.convoy.scheduling.meeting;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Comparator;
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
import org.convoy.scheduling.meeting.domain.Meeting;
import org.convoy.scheduling.meeting.domain.MeetingNotFoundException;
import org.convoy.scheduling.meeting.domain.MeetingPlan;
import org.convoy.scheduling.meeting.domain.MeetingStatus;
import org.convoy.scheduling.meeting.domain.PlanningRules;
import org.convoy.scheduling.meeting.domain.Schedule;
import org.convoy.scheduling.meeting.domain.ScheduleRepository;
import org.convoy.support.problem.FieldProblemException;
import org.convoy.support.store.OptimisticWrites;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.stereotype.Service;

/**
 * Plans, confirms, moves and cancels meetings. Every change loads the convoy's schedule, applies the change with
 * the planning rules, and saves it in one optimistic write that also holds the events to relay; a write that lost
 * a race is redone on the fresh schedule, where the rules see what the winner confirmed.
 */
@Service
public class Meetings implements HostReferences, ConvoyReferences.ConfirmedMeetingDays {

    private static final Logger log = LoggerFactory.getLogger(Meetings.class);
    static final Duration LONGEST_MEETING = Duration.ofHours(8);

    private final ScheduleRepository schedules;
    private final Convoys convoys;
    private final HostRepository hosts;
    private final Delegates delegates;
    private final OptimisticWrites writes;
    private final Clock clock;

    Meetings(ScheduleRepository schedules, Convoys convoys, HostRepository hosts, Delegates delegates,
            OptimisticWrites writes, Clock clock) {
        this.schedules = schedules;
        this.convoys = convoys;
        this.hosts = hosts;
        this.delegates = delegates;
        this.writes = writes;
        this.clock = clock;
    }

    public Schedule schedule(String convoyId) {
        convoys.get(convoyId);
        return schedules.findById(convoyId).orElseGet(() -> Schedule.empty(convoyId));
    }

    /** The convoy's meetings that pass the filter, in time order. */
    public List<Meeting> search(String convoyId, MeetingFilter filter) {
        Convoy convoy = convoys.get(convoyId);
        return schedule(convoyId).meetings().stream().filter(meeting -> filter.accepts(meeting, meeting.zoneId()))
                .sorted(Comparator.comparing(Meeting::startsAt)).toList();
    }

    public Meeting meeting(String convoyId, UUID meetingId) {
        return schedule(convoyId).meeting(meetingId).orElseThrow(() -> new MeetingNotFoundException(meetingId));
    }

    public Meeting draft(String convoyId, PlanInput input) {
        MeetingPlan plan = plan(convoyId, input);
        UUID meetingId = UUID.randomUUID();
        Meeting draft = change(convoyId, schedule -> schedule.draft(meetingId, plan, clock.instant()));
        log.atInfo().addKeyValue("convoyId", convoyId).addKeyValue("meetingId", meetingId).log("Meeting drafted");
        return draft;
    }

    /** Drafts many meetings in one write (a generated agenda). */
    public List<Meeting> draftAll(String convoyId, List<PlanInput> inputs) {
        List<MeetingPlan> plans = inputs.stream().map(input -> plan(convoyId, input)).toList();
        List<UUID> ids = plans.stream().map(plan -> UUID.randomUUID()).toList();
        return change(convoyId, schedule -> {
            for (int i = 0; i < plans.size(); i++) {
                schedule.draft(ids.get(i), plans.get(i), clock.instant());
            }
            return ids.stream().map(id -> schedule.meeting(id).orElseThrow()).toList();
        });
    }

    public Meeting replan(String convoyId, UUID meetingId, PlanInput input) {
        MeetingPlan plan = plan(convoyId, input);
        Meeting meeting = change(convoyId, schedule -> schedule.replan(meetingId, plan, rulesFor(convoyId, plan),
                clock.instant()));
        log.atInfo().addKeyValue("meetingId", meetingId).addKeyValue("sequence", meeting.sequence()).log("Meeting replanned");
        return meeting;
    }

    public Meeting confirm(String convoyId, UUID meetingId) {
        Meeting meeting = change(convoyId, schedule -> {
            Meeting current = schedule.meeting(meetingId).orElseThrow(() -> new MeetingNotFoundException(meetingId));
            return schedule.confirm(meetingId, rulesFor(convoyId, current.plan()), clock.instant());
        });
        log.atInfo().addKeyValue("meetingId", meetingId).log("Meeting confirmed");
        return meeting;
    }

    public Meeting cancel(String convoyId, UUID meetingId, String reason) {
        return change(convoyId, schedule -> schedule.cancel(meetingId, reason, clock.instant()));
    }

    public void discard(String convoyId, UUID meetingId) {
        change(convoyId, schedule -> {
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
        if (!schedules.existsById(convoyId)) {
            return List.of();
        }
        String reason = "No attendees left";
        List<Meeting> changed = change(convoyId, schedule -> schedule.leave(delegateId, clock.instant(), erased, reason));
        if (!changed.isEmpty()) {
            log.atInfo().addKeyValue("delegateId", delegateId).addKeyValue("meetings", changed.size())
                    .log("Delegate left their upcoming meetings");
        }
        return changed;
    }

    @Override
    public boolean meetingsWith(String convoyId, String hostId) {
        return schedules.findById(convoyId).stream().flatMap(schedule -> schedule.meetings().stream())
                .anyMatch(meeting -> meeting.hostId().equals(hostId) && !meeting.is(MeetingStatus.CANCELLED));
    }

    @Override
    public Set<LocalDate> confirmedMeetingDays(String convoyId) {
        Convoy convoy = convoys.get(convoyId);
        return schedules.findById(convoyId).stream().flatMap(schedule -> schedule.confirmed().stream())
                .map(meeting -> meeting.startsAt().atZone(meeting.zoneId()).toLocalDate())
                .collect(Collectors.toSet());
    }

    /** What would stop this meeting from being confirmed as it stands (empty for confirmed and cancelled ones). */
    public List<Conflict> conflicts(Schedule schedule, Meeting meeting) {
        if (!meeting.is(MeetingStatus.DRAFT)) {
            return List.of();
        }
        return rulesFor(schedule.convoyId(), meeting.plan()).check(meeting, schedule.confirmed());
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

    private <T> T change(String convoyId, Function<Schedule, T> change) {
        convoys.get(convoyId);
        return writes.change(() -> schedules.findById(convoyId).orElseGet(() -> Schedule.empty(convoyId)), change,
                schedule -> {
                    try {
                        return schedules.save(schedule);
                    } catch (DuplicateKeyException createdMeanwhile) {
                        throw new OptimisticLockingFailureException("Schedule of " + convoyId + " created meanwhile",
                                createdMeanwhile);
                    }
                });
    }
}
