package org.convoy.scheduling.matchmaking;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

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
        List<Meeting> confirmed = meetings.confirmed(convoyId);
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
     * Drafts meetings for one convoy day ({@link DayPlanner}) and saves them as drafts for organizers to review and
     * confirm.
     */
    public DraftAgenda draftDay(String convoyId, LocalDate date, DraftOptions options) {
        long started = System.nanoTime();
        Convoy convoy = convoys.get(convoyId);
        if (convoy.day(date).isEmpty()) {
            throw new FieldProblemException("date", date + " is not a day of this convoy (" + convoy.firstDay() + " to "
                    + convoy.lastDay() + ")");
        }
        List<ScheduledDelegate> approved = approved(convoyId);
        List<Meeting> confirmed = meetings.confirmed(convoyId);
        List<Meeting> drafted = new DayPlanner(convoy, hosts.of(convoyId), approved, options).draft(date, confirmed);
        List<Meeting> saved = drafted.isEmpty() ? List.of() : meetings.draftAll(convoyId, drafted.stream()
                .map(meeting -> new PlanInput(meeting.hostId(), meeting.startsAt(), meeting.endsAt(), meeting.plan().axis(),
                        meeting.plan().sector(), meeting.plan().title(), meeting.attendeeIds()))
                .toList());
        Set<UUID> placed = drafted.stream().flatMap(meeting -> meeting.attendeeIds().stream()).collect(Collectors.toSet());
        return new DraftAgenda(date, saved, approved.size(), placed.size(),
                Duration.ofNanos(System.nanoTime() - started),
                saved.isEmpty() ? whyNothing(convoy, date, approved, options) : List.of());
    }

    /** Why a day's draft came out empty, from the first thing missing to the last: in organizers' words. */
    private List<Reason> whyNothing(Convoy convoy, LocalDate date, List<ScheduledDelegate> approved,
            DraftOptions options) {
        if (approved.isEmpty()) {
            return List.of(new Reason("NO_APPROVED_DELEGATES",
                    "No delegate of this convoy is approved yet; only approved delegates are put into meetings."));
        }
        Convoy.Day day = convoy.day(date).orElseThrow();
        List<Host> dayHosts = hosts.of(convoy.id()).stream().filter(host -> day.in(host.venue().city())).toList();
        if (dayHosts.isEmpty()) {
            return List.of(new Reason("NO_HOSTS_IN_CITY", "No host of this convoy is in "
                    + day.cities().stream().map(convoy::cityName).collect(Collectors.joining(" or "))
                    + " on " + date + "; add hosts there, or draft another day."));
        }
        long mostInterested = dayHosts.stream().mapToLong(host -> approved.stream()
                .filter(delegate -> Interest.of(delegate, host).any()).count()).max().orElse(0);
        if (mostInterested < options.minCohort()) {
            return List.of(new Reason("TOO_FEW_INTERESTED", "No host that day shares a sector or an axis with at least "
                    + options.minCohort() + " approved delegates (the most any host has is " + mostInterested
                    + "); approve more delegates, or lower minCohort."));
        }
        return List.of(new Reason("NO_FREE_SLOT", "Every host with enough interested delegates is full that day, or "
                + "those delegates are taken: they already met the host, have " + options.maxMeetingsPerDelegate()
                + " meetings that day, are busy, or cannot travel in time. Confirmed meetings stay as they are."));
    }

    /** A meeting as planned at the host's venue, on the host's first axis and sector, not yet saved anywhere. */
    static Meeting candidate(Convoy convoy, Host host, Instant start, Instant end, List<UUID> attendees) {
        return Meeting.planned(UUID.randomUUID(), MeetingPlan.at(host, convoy, start, end,
                host.axes().isEmpty() ? null : host.axes().get(0), host.sectors().isEmpty() ? null : host.sectors().get(0),
                null, attendees));
    }

    /** The conflicts that concern this delegate alone. */
    static List<Conflict> personal(List<Conflict> conflicts, UUID delegateId) {
        return conflicts.stream().filter(conflict -> delegateId.equals(conflict.delegateId())).toList();
    }

    private List<ScheduledDelegate> approved(String convoyId) {
        return delegates.schedulable(convoyId);
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
     * @param reasons  why nothing was drafted; empty when something was
     */
    public record DraftAgenda(LocalDate date, List<Meeting> drafts, int approved, int placed, Duration took,
            List<Reason> reasons) {
    }

    /** Why a draft came out empty: a stable code and the organizer's explanation. */
    public record Reason(String code, String message) {
    }
}
