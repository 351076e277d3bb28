package org.convoy.scheduling.meeting.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.stream.Collectors;

import org.convoy.support.test.ForAll;
import org.convoy.support.test.Gen;
import org.convoy.scheduling.convoy.domain.Convoy;
import org.convoy.scheduling.convoy.domain.SampleConvoy;
import org.convoy.scheduling.delegate.domain.SampleDelegates;
import org.convoy.scheduling.delegate.domain.ScheduledDelegate;
import org.convoy.scheduling.delegate.domain.ScheduledDelegate.Status;
import org.convoy.scheduling.host.SampleHosts;
import org.convoy.scheduling.host.domain.Host;
import org.junit.jupiter.api.Test;

/**
 * Random drafts on the sample convoy's days are confirmed one by one, as organizers would, through
 * {@link Schedule#confirm}, which refuses any that breaks a planning rule. Whatever was drafted, the confirmed
 * agenda then keeps every rule; each rule is checked here on its own terms, without asking the planning rules.
 */
class PlanningRulesProperties {

    /** Each try confirms up to 40 drafts against each other: a few milliseconds. */
    private static final int TRIES = 300;
    private static final Convoy CONVOY = SampleConvoy.california();
    private static final Instant NOW = Instant.parse("2023-01-20T12:00:00Z");

    @Test
    void noDelegateIsInTwoMeetingsAtOnce() {
        forAllAgendas((trial, confirmed) -> {
            for (Meeting one : confirmed) {
                for (Meeting other : confirmed) {
                    if (one != other && shareAnAttendee(one, other)) {
                        assertThat(overlap(one, other)).as("%s and %s share an attendee", one, other).isFalse();
                    }
                }
            }
        });
    }

    @Test
    void everyDelegateHasTheTravelTimeBetweenOneMeetingAndTheNext() {
        forAllAgendas((trial, confirmed) -> {
            for (ScheduledDelegate delegate : trial.delegates()) {
                List<Meeting> theirs = confirmed.stream().filter(meeting -> meeting.attendeeIds().contains(delegate.id()))
                        .sorted(Comparator.comparing(Meeting::startsAt)).toList();
                for (int i = 1; i < theirs.size(); i++) {
                    Meeting previous = theirs.get(i - 1);
                    Meeting next = theirs.get(i);
                    Duration needed = CONVOY.travel().between(previous.place(), next.place());
                    assertThat(Duration.between(previous.endsAt(), next.startsAt()))
                            .as("from %s to %s", previous.plan().venue(), next.plan().venue())
                            .isGreaterThanOrEqualTo(needed);
                }
            }
        });
    }

    @Test
    void noHostReceivesTwoDelegationsAtOnce() {
        forAllAgendas((trial, confirmed) -> {
            for (Meeting one : confirmed) {
                for (Meeting other : confirmed) {
                    if (one != other && one.hostId().equals(other.hostId())) {
                        assertThat(overlap(one, other)).as("%s and %s at one host", one, other).isFalse();
                    }
                }
            }
        });
    }

    @Test
    void noMeetingHasMoreAttendeesThanItsRoomTakes() {
        forAllAgendas((trial, confirmed) -> confirmed.forEach(meeting ->
                assertThat(meeting.attendeeIds()).hasSizeLessThanOrEqualTo(
                        trial.host(meeting.hostId()).venue().roomCapacity())));
    }

    @Test
    void everyMeetingLiesWithinItsHostsAvailabilityAndInACityOfItsDay() {
        forAllAgendas((trial, confirmed) -> confirmed.forEach(meeting -> {
            Host host = trial.host(meeting.hostId());
            assertThat(host.availability()).as("windows of %s", host.hostId()).anySatisfy(window -> {
                assertThat(meeting.startsAt()).isAfterOrEqualTo(window.startsAt());
                assertThat(meeting.endsAt()).isBeforeOrEqualTo(window.endsAt());
            });
            LocalDate date = meeting.startsAt().atZone(CONVOY.zoneId()).toLocalDate();
            Optional<Convoy.Day> day = CONVOY.days().stream().filter(d -> d.date().equals(date)).findFirst();
            assertThat(day).as("convoy day of %s", date).hasValueSatisfying(
                    d -> assertThat(d.cities()).contains(meeting.plan().city()));
        }));
    }

    @Test
    void onlyApprovedDelegatesAttend() {
        forAllAgendas((trial, confirmed) -> {
            Set<UUID> approved = trial.delegates().stream().filter(d -> d.status() == Status.APPROVED)
                    .map(ScheduledDelegate::id).collect(Collectors.toSet());
            confirmed.forEach(meeting -> assertThat(approved).containsAll(meeting.attendeeIds()));
        });
    }

    /** Guards the properties above against drafts too easy (or too hard) to say anything. */
    @Test
    void theGeneratedDraftsRunIntoEveryRuleAndStillFillAnAgenda() {
        Set<ConflictCode> seen = EnumSet.noneOf(ConflictCode.class);
        int drafted = 0;
        int confirmed = 0;
        int delegatesWithSeveralMeetingsADay = 0;
        for (Trial trial : ForAll.inputs(PlanningRulesProperties::trial).tries(TRIES).samples()) {
            drafted += trial.drafts().size();
            List<Meeting> agenda = confirmOneByOne(trial, conflicts -> conflicts.forEach(c -> seen.add(c.code())));
            confirmed += agenda.size();
            delegatesWithSeveralMeetingsADay += (int) agenda.stream()
                    .flatMap(meeting -> meeting.attendeeIds().stream()
                            .map(id -> id + "@" + meeting.startsAt().atZone(CONVOY.zoneId()).toLocalDate()))
                    .collect(Collectors.groupingBy(key -> key, Collectors.counting()))
                    .values().stream().filter(count -> count > 1).count();
        }

        assertThat(seen).containsExactlyInAnyOrder(ConflictCode.values());
        assertThat((double) confirmed / drafted).isBetween(0.1, 0.9);
        assertThat(delegatesWithSeveralMeetingsADay).isGreaterThan(TRIES);
    }

    private interface AgendaCheck {
        void check(Trial trial, List<Meeting> confirmed);
    }

    private static void forAllAgendas(AgendaCheck check) {
        ForAll.inputs(PlanningRulesProperties::trial).tries(TRIES).shrinking(Trial::smaller)
                .check(trial -> check.check(trial, confirmOneByOne(trial, conflicts -> {
                })));
    }

    /** Drafts each plan and confirms it if it breaks no rule (discarding it otherwise); returns what was confirmed. */
    static List<Meeting> confirmOneByOne(Trial trial, Consumer<List<Conflict>> refused) {
        Schedule schedule = Schedule.empty(SampleConvoy.ID);
        Map<UUID, ScheduledDelegate> known = SampleDelegates.byId(trial.delegates());
        for (int i = 0; i < trial.drafts().size(); i++) {
            Draft draft = trial.drafts().get(i);
            Host host = trial.host(draft.hostId());
            UUID id = new UUID(0, i);
            schedule.draft(id, SampleMeetings.plan(host, draft.startsAt(), draft.minutes(), draft.attendees()), NOW);
            try {
                schedule.confirm(id, new PlanningRules(CONVOY, host, known), NOW);
            } catch (MeetingConflictException e) {
                refused.accept(e.conflicts());
                schedule.discard(id);
            }
        }
        return schedule.confirmed();
    }

    private static boolean overlap(Meeting one, Meeting other) {
        return one.startsAt().isBefore(other.endsAt()) && other.startsAt().isBefore(one.endsAt());
    }

    private static boolean shareAnAttendee(Meeting one, Meeting other) {
        return one.attendeeIds().stream().anyMatch(other.attendeeIds()::contains);
    }

    // --- what is drafted ---

    /**
     * @param hosts     the seed catalogue and a few made-up venues (small rooms, odd hours, cities the convoy is not
     *                  in on some of their days, an address shared with a seed host)
     * @param delegates most approved, some not
     * @param drafts    in the order they are confirmed
     */
    record Trial(List<Host> hosts, List<ScheduledDelegate> delegates, List<Draft> drafts) {

        Host host(String hostId) {
            return hosts.stream().filter(host -> host.hostId().equals(hostId)).findFirst().orElseThrow();
        }

        List<Trial> smaller() {
            return ForAll.oneLess(drafts).stream().map(fewer -> new Trial(hosts, delegates, fewer)).toList();
        }

        @Override
        public String toString() {
            return "made-up hosts " + hosts.stream().filter(host -> host.hostId().startsWith("venue-"))
                    .map(host -> host.hostId() + " (" + host.venue().city() + ", room " + host.venue().roomCapacity()
                            + ", " + host.venue().address() + ", " + host.availability().size() + " windows)")
                    .toList()
                    + "\ndelegates " + delegates.stream().map(d -> d.id().toString().substring(0, 8) + " " + d.status())
                    .toList()
                    + "\ndrafts\n" + String.join("\n", drafts.stream().map(Draft::toString).toList());
        }
    }

    record Draft(String hostId, Instant startsAt, int minutes, List<UUID> attendees) {

        @Override
        public String toString() {
            return "  " + hostId + " " + CONVOY.local(startsAt).toLocalDateTime() + " (" + minutes + " min) with "
                    + attendees.stream().map(id -> id.toString().substring(0, 8)).toList();
        }
    }

    static Trial trial(Gen gen) {
        List<Host> hosts = new ArrayList<>(SampleHosts.california());
        int madeUp = gen.between(1, 4);
        for (int i = 1; i <= madeUp; i++) {
            hosts.add(madeUpVenue(gen, "venue-" + i));
        }
        List<ScheduledDelegate> delegates = gen.listOf(3, 10, g -> g.chance(0.9)
                ? SampleDelegates.approved(g.uuid(), List.of(), List.of())
                : SampleDelegates.withStatus(SampleDelegates.approved(g.uuid(), List.of(), List.of()),
                        g.oneOf(List.of(Status.SUBMITTED, Status.WAITLISTED, Status.REJECTED, Status.WITHDRAWN))));
        List<Convoy.Day> days = gen.some(CONVOY.days(), 1, 3);
        List<Draft> drafts = gen.listOf(1, 40, g -> draft(g, days, hosts, delegates));
        return new Trial(List.copyOf(hosts), delegates, drafts);
    }

    private static Host madeUpVenue(Gen gen, String hostId) {
        String city = gen.oneOf(CONVOY.cities()).id();
        String address = gen.chance(0.3) ? gen.oneOf(SampleHosts.california()).venue().address()
                : gen.between(1, 999) + " Made-up Street";
        List<Host.Window> windows = gen.some(CONVOY.days(), 1, CONVOY.days().size()).stream().map(day -> {
            LocalTime from = LocalTime.of(7, 0).plusMinutes(gen.between(0, 300, 30));
            LocalTime to = from.plusMinutes(gen.between(60, 600, 30));
            return SampleHosts.receiving(day.date(), from.toString(),
                    to.isAfter(LocalTime.of(21, 0)) ? "21:00" : to.toString());
        }).toList();
        return SampleHosts.venue(hostId, city, address, gen.between(1, 6), windows);
    }

    private static Draft draft(Gen gen, List<Convoy.Day> days, List<Host> hosts, List<ScheduledDelegate> delegates) {
        Convoy.Day day = gen.oneOf(days);
        List<Host> inTown = hosts.stream().filter(host -> day.in(host.venue().city())).toList();
        Host host = gen.chance(0.8) && !inTown.isEmpty() ? gen.oneOf(inTown) : gen.oneOf(hosts);
        LocalTime start = gen.chance(0.85) ? LocalTime.of(9, 0).plusMinutes(gen.between(0, 480, 5))
                : LocalTime.of(7, 0).plusMinutes(gen.between(0, 720, 5));
        Instant startsAt = SampleConvoy.at(day.date(), start.toString());
        List<UUID> attendees = new ArrayList<>(gen.some(delegates, 1, 4).stream().map(ScheduledDelegate::id).toList());
        if (gen.chance(0.03)) {
            attendees.add(gen.uuid()); // someone scheduling no longer knows (erased)
        }
        return new Draft(host.hostId(), startsAt, gen.between(30, 120, 5), List.copyOf(attendees));
    }
}
