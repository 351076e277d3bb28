package org.convoy.scheduling.matchmaking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.BiConsumer;
import java.util.function.Function;

import org.convoy.events.Axis;
import org.convoy.events.Sector;
import org.convoy.support.test.ForAll;
import org.convoy.support.test.Gen;
import org.convoy.scheduling.convoy.domain.Convoy;
import org.convoy.scheduling.convoy.domain.SampleConvoy;
import org.convoy.scheduling.delegate.domain.SampleDelegates;
import org.convoy.scheduling.delegate.domain.ScheduledDelegate;
import org.convoy.scheduling.host.SampleHosts;
import org.convoy.scheduling.host.domain.Host;
import org.convoy.scheduling.matchmaking.Matchmaker.DraftOptions;
import org.convoy.scheduling.meeting.domain.Meeting;
import org.convoy.scheduling.meeting.domain.MeetingConflictException;
import org.convoy.scheduling.meeting.domain.PlanningRules;
import org.convoy.scheduling.meeting.domain.SampleMeetings;
import org.convoy.scheduling.meeting.domain.Schedule;
import org.junit.jupiter.api.Test;

/**
 * The day planner on the sample convoy, for random delegates and their interests, the seed hosts and a few made-up
 * small venues, random options, and some meetings organizers confirmed by hand beforehand: whatever it drafts can be
 * confirmed as it is, in the order drafted, and keeps the limits it was given.
 */
class DayPlannerProperties {

    /** Planning a day for up to 40 delegates takes about five milliseconds: 100 days keep each property near half a second. */
    private static final int TRIES = 100;
    private static final Convoy CONVOY = SampleConvoy.california();
    private static final Instant NOW = Instant.parse("2023-01-20T12:00:00Z");

    @Test
    void everyDraftCanBeConfirmedInTheOrderItWasDrafted() {
        forAllDays((day, planned) -> {
            Map<UUID, ScheduledDelegate> known = SampleDelegates.byId(day.delegates());
            for (Meeting draft : planned.drafts()) {
                planned.schedule().draft(draft.id(), draft.plan(), NOW);
                assertThatCode(() -> planned.schedule().confirm(draft.id(),
                        new PlanningRules(CONVOY, day.host(draft.hostId()), known), NOW))
                        .as("confirming %s", draft).doesNotThrowAnyException();
            }
        });
    }

    @Test
    void noDelegateIsGivenMoreMeetingsThatDayThanAllowed() {
        forAllDays((day, planned) -> {
            Map<UUID, Integer> already = count(planned.confirmedThatDay(), meeting -> meeting.attendeeIds());
            count(planned.drafts(), meeting -> meeting.attendeeIds()).forEach((delegate, drafted) ->
                    assertThat(already.getOrDefault(delegate, 0) + drafted).as("meetings of %s", delegate)
                            .isLessThanOrEqualTo(day.options().maxMeetingsPerDelegate()));
        });
    }

    @Test
    void noHostIsGivenMoreMeetingsThatDayThanAllowed() {
        forAllDays((day, planned) -> {
            Map<String, Integer> already = count(planned.confirmedThatDay(), meeting -> List.of(meeting.hostId()));
            count(planned.drafts(), meeting -> List.of(meeting.hostId())).forEach((host, drafted) ->
                    assertThat(already.getOrDefault(host, 0) + drafted).as("meetings of %s", host)
                            .isLessThanOrEqualTo(day.options().maxMeetingsPerHost()));
        });
    }

    @Test
    void everyCohortIsWithinTheCohortLimitsAndTheRoom() {
        forAllDays((day, planned) -> planned.drafts().forEach(draft -> assertThat(draft.attendeeIds())
                .hasSizeBetween(day.options().minCohort(), Math.min(day.options().maxCohort(),
                        day.host(draft.hostId()).venue().roomCapacity()))));
    }

    @Test
    void noDelegateIsDraftedToMeetAHostTheyMeetAlready() {
        forAllDays((day, planned) -> {
            Set<String> met = new HashSet<>();
            planned.confirmedBefore().forEach(meeting -> meeting.attendeeIds()
                    .forEach(delegate -> met.add(delegate + " meets " + meeting.hostId())));
            planned.drafts().forEach(draft -> draft.attendeeIds()
                    .forEach(delegate -> assertThat(met.add(delegate + " meets " + draft.hostId()))
                            .as("%s meets %s once", delegate, draft.hostId()).isTrue()));
        });
    }

    @Test
    void everyDraftIsOnThatDayWithAHostItsAttendeesShareAnInterestWith() {
        forAllDays((day, planned) -> planned.drafts().forEach(draft -> {
            assertThat(draft.startsAt().atZone(CONVOY.zoneId()).toLocalDate()).isEqualTo(day.date());
            Host host = day.host(draft.hostId());
            day.delegates().stream().filter(delegate -> draft.attendeeIds().contains(delegate.id()))
                    .forEach(delegate -> assertThat(host.sectors().stream().anyMatch(s -> delegate.sectors().contains(s.name()))
                            || host.axes().stream().anyMatch(a -> delegate.axes().contains(a.name())))
                            .as("%s shares an interest with %s", delegate.id(), host.hostId()).isTrue());
        }));
    }

    /** Guards the properties above against days where the planner has nothing to do, or every limit is slack. */
    @Test
    void theGeneratedDaysGiveThePlannerWorkAndPressItsLimits() {
        int drafts = 0;
        int roomBound = 0;
        int delegatesAtTheirLimit = 0;
        for (Day day : ForAll.inputs(DayPlannerProperties::day).tries(TRIES).samples()) {
            Planned planned = plan(day);
            drafts += planned.drafts().size();
            roomBound += (int) planned.drafts().stream().filter(draft -> draft.attendeeIds().size()
                    == day.host(draft.hostId()).venue().roomCapacity()
                    && day.host(draft.hostId()).venue().roomCapacity() < day.options().maxCohort()).count();
            delegatesAtTheirLimit += (int) count(planned.drafts(), meeting -> meeting.attendeeIds()).values().stream()
                    .filter(count -> count == day.options().maxMeetingsPerDelegate()).count();
        }
        assertThat(drafts).isGreaterThan(2 * TRIES);
        assertThat(roomBound).isPositive();
        assertThat(delegatesAtTheirLimit).isGreaterThan(TRIES);
    }

    // --- the day planned ---

    private record Planned(Schedule schedule, List<Meeting> confirmedBefore, List<Meeting> confirmedThatDay,
            List<Meeting> drafts) {
    }

    private static void forAllDays(BiConsumer<Day, Planned> property) {
        ForAll.inputs(DayPlannerProperties::day).tries(TRIES).shrinking(Day::smaller)
                .check(day -> property.accept(day, plan(day)));
    }

    /** Confirms what organizers planned by hand, if it fits, then drafts the day around it. */
    private static Planned plan(Day day) {
        Schedule schedule = Schedule.empty(SampleConvoy.ID);
        Map<UUID, ScheduledDelegate> known = SampleDelegates.byId(day.delegates());
        for (Meeting meeting : day.byHand()) {
            schedule.draft(meeting.id(), meeting.plan(), NOW);
            try {
                schedule.confirm(meeting.id(), new PlanningRules(CONVOY, day.host(meeting.hostId()), known), NOW);
            } catch (MeetingConflictException e) {
                schedule.discard(meeting.id());
            }
        }
        List<Meeting> confirmed = schedule.confirmed();
        List<Meeting> drafts = new DayPlanner(CONVOY, day.hosts(), day.delegates(), day.options())
                .draft(day.date(), confirmed);
        return new Planned(schedule, confirmed, confirmed.stream()
                .filter(meeting -> meeting.startsAt().atZone(CONVOY.zoneId()).toLocalDate().equals(day.date())).toList(),
                drafts);
    }

    private static <K> Map<K, Integer> count(List<Meeting> meetings,
            Function<Meeting, List<K>> keys) {
        Map<K, Integer> counts = new HashMap<>();
        meetings.forEach(meeting -> keys.apply(meeting).forEach(key -> counts.merge(key, 1, Integer::sum)));
        return counts;
    }

    // --- what is generated ---

    /**
     * @param byHand meetings organizers planned before drafting; confirmed if they fit
     */
    record Day(LocalDate date, List<ScheduledDelegate> delegates, List<Host> hosts, DraftOptions options,
            List<Meeting> byHand) {

        Host host(String hostId) {
            return hosts.stream().filter(host -> host.hostId().equals(hostId)).findFirst().orElseThrow();
        }

        List<Day> smaller() {
            List<Day> smaller = new ArrayList<>();
            ForAll.oneLess(byHand).forEach(fewer -> smaller.add(new Day(date, delegates, hosts, options, fewer)));
            if (delegates.size() > 1) {
                smaller.add(new Day(date, delegates.subList(0, delegates.size() / 2), hosts, options, byHand.stream()
                        .filter(meeting -> delegates.subList(0, delegates.size() / 2).stream().map(ScheduledDelegate::id)
                                .toList().containsAll(meeting.attendeeIds())).toList()));
            }
            return smaller;
        }

        @Override
        public String toString() {
            return date + " " + options + ", " + delegates.size() + " delegates, made-up hosts "
                    + hosts.stream().filter(host -> host.hostId().startsWith("venue-"))
                    .map(host -> host.hostId() + " (" + host.venue().city() + ", room " + host.venue().roomCapacity() + ")")
                    .toList()
                    + ", by hand " + byHand.stream().map(meeting -> meeting.hostId() + " "
                    + CONVOY.local(meeting.startsAt()).toLocalDateTime() + " with " + meeting.attendeeIds().size()).toList();
        }
    }

    static Day day(Gen gen) {
        List<Sector> sectors = Arrays.asList(Sector.values());
        List<Axis> axes = Arrays.asList(Axis.values());
        List<ScheduledDelegate> delegates = gen.listOf(3, 40, g -> SampleDelegates.approved(g.uuid(),
                g.some(sectors, 1, 3), g.some(axes, 1, 2)));
        List<Host> hosts = new ArrayList<>(SampleHosts.california());
        int madeUp = gen.between(0, 3);
        for (int i = 1; i <= madeUp; i++) {
            hosts.add(madeUpVenue(gen, "venue-" + i, sectors, axes));
        }
        int minCohort = gen.between(1, 4);
        DraftOptions options = new DraftOptions(gen.oneOf(List.of(30, 45, 60, 90, 120)), gen.oneOf(List.of(15, 30, 60)),
                minCohort, gen.between(minCohort, 10), gen.between(1, 4), gen.between(1, 4));
        LocalDate date = gen.oneOf(CONVOY.days()).date();
        List<UUID> ids = delegates.stream().map(ScheduledDelegate::id).toList();
        List<Meeting> byHand = gen.listOf(0, 6, g -> byHand(g, hosts, date, ids));
        return new Day(date, delegates, List.copyOf(hosts), options, byHand);
    }

    /** A small room in one of the convoy's cities, open on that city's days and sometimes others. */
    private static Host madeUpVenue(Gen gen, String hostId, List<Sector> sectors, List<Axis> axes) {
        String city = gen.oneOf(CONVOY.cities()).id();
        List<Host.Window> windows = CONVOY.days().stream().filter(day -> day.in(city) || gen.chance(0.2))
                .map(day -> SampleHosts.receiving(day.date(), "09:00", "18:00")).toList();
        return SampleHosts.venue(hostId, city, gen.between(1, 999) + " Made-up Street", gen.between(1, 6), windows,
                gen.some(sectors, 1, 3), gen.some(axes, 1, 2));
    }

    /** What an organizer confirms by hand: mostly that day, with a host of that day's cities. */
    private static Meeting byHand(Gen gen, List<Host> hosts, LocalDate date, List<UUID> delegates) {
        Convoy.Day day = CONVOY.day(gen.chance(0.8) ? date : gen.oneOf(CONVOY.days()).date()).orElseThrow();
        List<Host> inTown = hosts.stream().filter(host -> day.in(host.venue().city())).toList();
        Host host = gen.oneOf(inTown);
        Instant startsAt = SampleConvoy.at(day.date(), LocalTime.of(9, 0).plusMinutes(gen.between(0, 420, 15)).toString());
        return Meeting.planned(gen.uuid(), SampleMeetings.plan(host, startsAt, gen.between(30, 90, 15),
                gen.some(delegates, 1, 4)));
    }
}
