package org.convoy.scheduling.matchmaking;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.convoy.events.Axis;
import org.convoy.events.Sector;
import org.convoy.scheduling.convoy.domain.Convoy;
import org.convoy.scheduling.delegate.domain.ScheduledDelegate;
import org.convoy.scheduling.host.domain.Host;
import org.convoy.scheduling.matchmaking.Matchmaker.DraftOptions;
import org.convoy.scheduling.meeting.domain.Meeting;
import org.convoy.scheduling.meeting.domain.PlanningRules;

/**
 * Drafts the meetings of one convoy day from what it is given (the convoy, its hosts, the delegates who may be
 * scheduled and the meetings already confirmed); it reads and saves nothing itself.
 *
 * <p>Greedy, in rounds: each round gives every host (most wanted first) at most one more meeting, in its
 * earliest free slot where enough interested delegates can attend, until it has as many meetings that day as a host
 * may have, those confirmed before included. A cohort takes the interested delegates with
 * the fewest meetings that day, then the best fit, up to the cohort limit and the room's capacity. A delegate
 * meets a host at most once in the convoy. Each candidate, and each delegate in it, is judged by the planning rules
 * against what is confirmed and what was drafted before it, so the drafts collide neither with confirmed meetings
 * nor with each other, and can be confirmed in the order they are returned.
 */
final class DayPlanner {

    private final Convoy convoy;
    private final List<Host> hosts;
    private final List<ScheduledDelegate> schedulable;
    private final DraftOptions options;

    /**
     * @param hosts       the convoy's host catalogue
     * @param schedulable the approved delegates of the convoy
     */
    DayPlanner(Convoy convoy, List<Host> hosts, List<ScheduledDelegate> schedulable, DraftOptions options) {
        this.convoy = convoy;
        this.hosts = hosts;
        this.schedulable = schedulable;
        this.options = options;
    }

    /**
     * @param date      a day of the convoy
     * @param confirmed the convoy's confirmed meetings, on every day
     * @return the drafted meetings, in the order they were planned
     */
    List<Meeting> draft(LocalDate date, List<Meeting> confirmed) {
        Convoy.Day day = convoy.day(date)
                .orElseThrow(() -> new IllegalArgumentException(date + " is not a day of convoy " + convoy.id()));
        Map<UUID, ScheduledDelegate> byId = schedulable.stream()
                .collect(Collectors.toMap(ScheduledDelegate::id, Function.identity()));
        Planned planned = new Planned(confirmed);
        Map<UUID, Integer> meetingsPerDelegate = new HashMap<>();
        Map<String, Integer> meetingsPerHost = new HashMap<>();
        confirmed.stream().filter(meeting -> meeting.startsAt().atZone(meeting.zoneId()).toLocalDate().equals(date))
                .forEach(meeting -> {
                    meeting.attendeeIds().forEach(id -> meetingsPerDelegate.merge(id, 1, Integer::sum));
                    meetingsPerHost.merge(meeting.hostId(), 1, Integer::sum);
                });

        List<HostDemand> demand = hosts.stream()
                .filter(host -> day.in(host.venue().city()))
                .map(host -> new HostDemand(host, new PlanningRules(convoy, host, byId), schedulable.stream()
                        .map(delegate -> Interest.of(delegate, host)).filter(Interest::any).toList(),
                        alreadyMet(confirmed, host)))
                .filter(host -> host.interested().size() >= options.minCohort())
                .sorted(Comparator.comparing((HostDemand host) -> -host.interested().size())
                        .thenComparing(host -> host.host().name()))
                .toList();

        List<Meeting> drafted = new ArrayList<>();
        for (int round = 0; round < options.maxMeetingsPerHost(); round++) {
            boolean progress = false;
            for (HostDemand host : demand) {
                if (meetingsPerHost.getOrDefault(host.host().hostId(), 0) >= options.maxMeetingsPerHost()) {
                    continue;
                }
                Meeting next = nextMeeting(date, host, planned, meetingsPerDelegate);
                if (next != null) {
                    planned.add(next);
                    drafted.add(next);
                    meetingsPerHost.merge(host.host().hostId(), 1, Integer::sum);
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
        return drafted;
    }

    /** Who has a confirmed meeting with the host on any day: they are not drafted to meet it again. */
    private static Set<UUID> alreadyMet(List<Meeting> confirmed, Host host) {
        Set<UUID> met = new HashSet<>();
        confirmed.stream().filter(meeting -> meeting.hostId().equals(host.hostId()))
                .forEach(meeting -> met.addAll(meeting.attendeeIds()));
        return met;
    }

    private Meeting nextMeeting(LocalDate date, HostDemand demand, Planned planned,
            Map<UUID, Integer> meetingsPerDelegate) {
        Host host = demand.host();
        Duration length = Duration.ofMinutes(options.meetingMinutes());
        Duration step = Duration.ofMinutes(options.slotStepMinutes());
        for (Host.Window window : host.availability()) {
            if (!window.startsAt().atZone(convoy.zoneOf(host.venue().city())).toLocalDate().equals(date)) {
                continue;
            }
            for (Instant start = window.startsAt(); !start.plus(length).isAfter(window.endsAt()); start = start.plus(step)) {
                Instant end = start.plus(length);
                if (!demand.rules().check(Matchmaker.candidate(convoy, host, start, end, List.of()),
                        planned.around(host.hostId(), List.of())).isEmpty()) {
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
                    if (Matchmaker.personal(demand.rules().check(Matchmaker.candidate(convoy, host, start, end,
                            List.of(id)), planned.around(host.hostId(), List.of(id))), id).isEmpty()) {
                        cohort.add(id);
                    }
                }
                if (cohort.size() < options.minCohort()) {
                    continue;
                }
                Meeting meeting = topic(Matchmaker.candidate(convoy, host, start, end, cohort), demand);
                if (demand.rules().check(meeting, planned.around(host.hostId(), cohort)).isEmpty()) {
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

    /**
     * The meetings confirmed and drafted so far, by host and by attendee: a candidate is judged against its host's
     * and its attendees' meetings only, which is all the planning rules look at, instead of against every meeting.
     */
    private static final class Planned {

        private final Map<String, List<Meeting>> byHost = new HashMap<>();
        private final Map<UUID, List<Meeting>> byAttendee = new HashMap<>();

        Planned(List<Meeting> confirmed) {
            confirmed.forEach(this::add);
        }

        void add(Meeting meeting) {
            byHost.computeIfAbsent(meeting.hostId(), key -> new ArrayList<>()).add(meeting);
            meeting.attendeeIds().forEach(id -> byAttendee.computeIfAbsent(id, key -> new ArrayList<>()).add(meeting));
        }

        List<Meeting> around(String hostId, List<UUID> attendees) {
            Set<Meeting> around = Collections.newSetFromMap(new IdentityHashMap<>());
            around.addAll(byHost.getOrDefault(hostId, List.of()));
            attendees.forEach(id -> around.addAll(byAttendee.getOrDefault(id, List.of())));
            return List.copyOf(around);
        }
    }

    private record HostDemand(Host host, PlanningRules rules, List<Interest> interested, Set<UUID> met) {
    }
}
