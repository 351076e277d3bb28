package org.convoy.scheduling.matchmaking;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.convoy.events.Axis;
import org.convoy.events.Sector;
import org.convoy.support.problem.FieldProblemException;
import org.convoy.scheduling.delegate.Delegates;
import org.convoy.scheduling.delegate.domain.ScheduledDelegate;
import org.convoy.scheduling.convoy.Convoys;
import org.convoy.scheduling.convoy.domain.Convoy;
import org.convoy.scheduling.host.Hosts;
import org.convoy.scheduling.host.domain.Host;
import org.convoy.scheduling.meeting.Meetings;
import org.convoy.scheduling.meeting.PlanInput;
import org.convoy.scheduling.meeting.domain.Conflict;
import org.convoy.scheduling.meeting.domain.Meeting;
import org.convoy.scheduling.meeting.domain.MeetingPlan;
import org.convoy.scheduling.meeting.domain.PlanningRules;
import org.springframework.stereotype.Service;

/**
 * Suggests cohorts for a host and drafts a conflict-free agenda for a convoy day. Both score delegates by shared
 * sectors and axes ({@link Interest}) and both judge a plan with the same {@link PlanningRules} that confirmation
 * uses, so a generated draft can be confirmed as it is.
 */
@Service
public class Matchmaker {

    private final Convoys convoys;
    private final Hosts hosts;
    private final Meetings meetings;
    private final Delegates delegates;

    Matchmaker(Convoys convoys, Hosts hosts, Meetings meetings, Delegates delegates) {
        this.convoys = convoys;
        this.hosts = hosts;
        this.meetings = meetings;
        this.delegates = delegates;
    }

    /**
     * Approved delegates who fit the host, best first. With a time, those who could not attend then (another
     * meeting, or too far away to arrive) come last and say why.
     */
    public List<Suggestion> suggest(String convoyId, String hostId, Instant startsAt, Instant endsAt) {
        Convoy convoy = convoys.get(convoyId);
        Host host = hosts.get(convoyId, hostId);
        List<Meeting> confirmed = meetings.schedule(convoyId).confirmed();
        List<ScheduledDelegate> approved = approved(convoyId);
        Map<UUID, ScheduledDelegate> byId = approved.stream()
                .collect(Collectors.toMap(ScheduledDelegate::id, Function.identity()));
        PlanningRules rules = new PlanningRules(convoy, host, byId);
        return approved.stream()
                .map(delegate -> Interest.of(delegate, host))
                .filter(Interest::any)
                .map(interest -> {
                    List<Conflict> conflicts = startsAt == null || endsAt == null ? List.of()
                            : personal(rules.check(candidate(convoy, host, startsAt, endsAt,
                                    List.of(interest.delegate().id())), confirmed), interest.delegate().id());
                    return new Suggestion(interest, conflicts);
                })
                .sorted(Comparator.comparing((Suggestion suggestion) -> !suggestion.conflicts().isEmpty())
                        .thenComparing(suggestion -> -suggestion.interest().score())
                        .thenComparing(suggestion -> suggestion.interest().delegate().familyName())
                        .thenComparing(suggestion -> suggestion.interest().delegate().givenName()))
                .toList();
    }

    public record Suggestion(Interest interest, List<Conflict> conflicts) {
    }

    /**
     * Drafts meetings for one convoy day and saves them as drafts for organizers to review and confirm.
     *
     * <p>Greedy, in rounds: each round gives every host (most wanted first) at most one more meeting, in its
     * earliest free slot where enough interested delegates can attend. A cohort takes the interested delegates with
     * the fewest meetings that day, then the best fit, up to the cohort limit and the room's capacity. A delegate
     * meets a host at most once in the convoy. Each candidate, and each delegate in it, is judged by the planning rules against what is confirmed and
     * what was drafted before it, so the drafts collide neither with confirmed meetings nor with each other.
     */
    public DraftAgenda draftDay(String convoyId, LocalDate date, DraftOptions options) {
        long started = System.nanoTime();
        Convoy convoy = convoys.get(convoyId);
        Convoy.Day day = convoy.day(date).orElseThrow(() -> new FieldProblemException("date", date
                + " is not a day of this convoy (" + convoy.firstDay() + " to " + convoy.lastDay() + ")"));
        List<ScheduledDelegate> approved = approved(convoyId);
        Map<UUID, ScheduledDelegate> byId = approved.stream()
                .collect(Collectors.toMap(ScheduledDelegate::id, Function.identity()));
        List<Meeting> planned = new ArrayList<>(meetings.schedule(convoyId).confirmed());
        Map<UUID, Integer> meetingsPerDelegate = new HashMap<>();
        planned.stream().filter(meeting -> meeting.startsAt().atZone(convoy.zoneId()).toLocalDate().equals(date))
                .forEach(meeting -> meeting.attendeeIds().forEach(id -> meetingsPerDelegate.merge(id, 1, Integer::sum)));

        List<HostDemand> demand = hosts.of(convoyId).stream()
                .filter(host -> day.in(host.venue().city()))
                .map(host -> new HostDemand(host, new PlanningRules(convoy, host, byId), approved.stream()
                        .map(delegate -> Interest.of(delegate, host)).filter(Interest::any).toList(),
                        alreadyMet(planned, host)))
                .filter(host -> host.interested().size() >= options.minCohort())
                .sorted(Comparator.comparing((HostDemand host) -> -host.interested().size())
                        .thenComparing(host -> host.host().name()))
                .toList();

        List<Meeting> drafted = new ArrayList<>();
        for (int round = 0; round < options.maxMeetingsPerHost(); round++) {
            boolean progress = false;
            for (HostDemand host : demand) {
                Meeting next = nextMeeting(convoy, date, host, planned, meetingsPerDelegate, options);
                if (next != null) {
                    planned.add(next);
                    drafted.add(next);
                    next.attendeeIds().forEach(id -> {
                        meetingsPerDelegate.merge(id, 1, Integer::sum);
                        host.met().add(id);
                    });
                    progress = true;
                }
            }
            if (!progress) {
                break;
            }
        }
        List<Meeting> saved = drafted.isEmpty() ? List.of() : meetings.draftAll(convoyId, drafted.stream()
                .map(meeting -> new PlanInput(meeting.hostId(), meeting.startsAt(), meeting.endsAt(), meeting.plan().axis(),
                        meeting.plan().sector(), meeting.plan().title(), meeting.attendeeIds()))
                .toList());
        Set<UUID> placed = drafted.stream().flatMap(meeting -> meeting.attendeeIds().stream()).collect(Collectors.toSet());
        return new DraftAgenda(date, saved, approved.size(), placed.size(),
                Duration.ofNanos(System.nanoTime() - started));
    }

    /** Who has a confirmed meeting with the host on any day: they are not drafted to meet it again. */
    private static Set<UUID> alreadyMet(List<Meeting> confirmed, Host host) {
        Set<UUID> met = new HashSet<>();
        confirmed.stream().filter(meeting -> meeting.hostId().equals(host.hostId()))
                .forEach(meeting -> met.addAll(meeting.attendeeIds()));
        return met;
    }

    private Meeting nextMeeting(Convoy convoy, LocalDate date, HostDemand demand, List<Meeting> planned,
            Map<UUID, Integer> meetingsPerDelegate, DraftOptions options) {
        Host host = demand.host();
        Duration length = Duration.ofMinutes(options.meetingMinutes());
        Duration step = Duration.ofMinutes(options.slotStepMinutes());
        for (Host.Window window : host.availability()) {
            if (!window.startsAt().atZone(convoy.zoneId()).toLocalDate().equals(date)) {
                continue;
            }
            for (Instant start = window.startsAt(); !start.plus(length).isAfter(window.endsAt()); start = start.plus(step)) {
                Instant end = start.plus(length);
                if (!demand.rules().check(candidate(convoy, host, start, end, List.of()), planned).isEmpty()) {
                    continue;
                }
                List<UUID> cohort = new ArrayList<>();
                List<Interest> ranked = demand.interested().stream()
                        .filter(interest -> !demand.met().contains(interest.delegate().id()))
                        .filter(interest -> meetingsPerDelegate.getOrDefault(interest.delegate().id(), 0)
                                < options.maxMeetingsPerDelegate())
                        .sorted(Comparator.comparing((Interest interest) ->
                                        meetingsPerDelegate.getOrDefault(interest.delegate().id(), 0))
                                .thenComparing(interest -> -interest.score())
                                .thenComparing(interest -> interest.delegate().id()))
                        .toList();
                for (Interest interest : ranked) {
                    if (cohort.size() == Math.min(host.venue().roomCapacity(), options.maxCohort())) {
                        break;
                    }
                    UUID id = interest.delegate().id();
                    if (personal(demand.rules().check(candidate(convoy, host, start, end, List.of(id)), planned), id)
                            .isEmpty()) {
                        cohort.add(id);
                    }
                }
                if (cohort.size() < options.minCohort()) {
                    continue;
                }
                Meeting meeting = topic(candidate(convoy, host, start, end, cohort), demand);
                if (demand.rules().check(meeting, planned).isEmpty()) {
                    return meeting;
                }
            }
        }
        return null;
    }

    /** The sector and axis most of the cohort shares with the host. */
    private static Meeting topic(Meeting candidate, HostDemand demand) {
        Map<UUID, Interest> byDelegate = demand.interested().stream()
                .collect(Collectors.toMap(interest -> interest.delegate().id(), Function.identity()));
        Sector sector = mostShared(candidate.attendeeIds().stream()
                .flatMap(id -> byDelegate.get(id).sharedSectors().stream()).toList(), demand.host().sectors());
        Axis axis = mostShared(candidate.attendeeIds().stream()
                .flatMap(id -> byDelegate.get(id).sharedAxes().stream()).toList(), demand.host().axes());
        return Meeting.planned(candidate.id(), candidate.plan().about(axis, sector,
                demand.host().name() + " — " + (sector == null ? "" : label(sector.name()))));
    }

    private static <T> T mostShared(List<T> shared, List<T> hostOrder) {
        Map<T, Long> counts = shared.stream().collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
        return hostOrder.stream().max(Comparator.comparing((T value) -> counts.getOrDefault(value, 0L))
                .thenComparing(value -> -hostOrder.indexOf(value))).orElse(null);
    }

    private static String label(String name) {
        String words = name.replace('_', ' ').toLowerCase();
        return Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }

    private static Meeting candidate(Convoy convoy, Host host, Instant start, Instant end, List<UUID> attendees) {
        return Meeting.planned(UUID.randomUUID(), MeetingPlan.at(host, convoy, start, end,
                host.axes().isEmpty() ? null : host.axes().get(0), host.sectors().isEmpty() ? null : host.sectors().get(0),
                null, attendees));
    }

    private static List<Conflict> personal(List<Conflict> conflicts, UUID delegateId) {
        return conflicts.stream().filter(conflict -> delegateId.equals(conflict.delegateId())).toList();
    }

    private List<ScheduledDelegate> approved(String convoyId) {
        return delegates.schedulable(convoyId);
    }

    private record HostDemand(Host host, PlanningRules rules, List<Interest> interested, Set<UUID> met) {
    }

    /**
     * @param meetingMinutes         how long each meeting lasts
     * @param slotStepMinutes        how far apart candidate start times are
     * @param minCohort              the smallest cohort worth a host's time
     * @param maxCohort              the largest cohort (the room may limit it further)
     * @param maxMeetingsPerDelegate the most meetings a delegate has that day
     * @param maxMeetingsPerHost     the most meetings a host gets that day
     */
    public record DraftOptions(int meetingMinutes, int slotStepMinutes, int minCohort, int maxCohort,
            int maxMeetingsPerDelegate, int maxMeetingsPerHost) {
    }

    /**
     * @param approved delegates approved in the convoy
     * @param placed   how many of them the drafts of this day include
     */
    public record DraftAgenda(LocalDate date, List<Meeting> drafts, int approved, int placed, Duration took) {
    }
}
