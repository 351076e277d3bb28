package org.convoy.scheduling.meeting.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.BiConsumer;

import org.convoy.events.MeetingCancelled;
import org.convoy.events.MeetingConfirmed;
import org.convoy.events.MeetingEvent;
import org.convoy.events.MeetingRescheduled;
import org.convoy.support.test.ForAll;
import org.convoy.support.test.Gen;
import org.convoy.scheduling.convoy.domain.SampleConvoy;
import org.convoy.scheduling.delegate.domain.SampleDelegates;
import org.convoy.scheduling.delegate.domain.ScheduledDelegate;
import org.convoy.scheduling.host.SampleHosts;
import org.convoy.scheduling.host.domain.Host;
import org.convoy.support.calendar.CalendarUids;
import org.junit.jupiter.api.Test;

/**
 * Whatever organizers and departing delegates do to a confirmed meeting (move it, leave it, cancel it, in any order,
 * refused or not), calendars can follow: the meeting keeps its id, hence its calendar UID, every notice about it
 * carries a higher sequence than the one before, and after its cancellation nothing more is said about it.
 */
class ScheduleProperties {

    /** A story is a dozen steps at most on a handful of meetings: about a millisecond each. */
    private static final int TRIES = 300;
    private static final List<LocalDate> DAYS = List.of(SampleConvoy.IN_LOS_ANGELES, SampleConvoy.AGAIN_IN_LOS_ANGELES);
    private static final List<String> HOSTS = List.of("disney", "warner-bros", "paramount", "nbcuniversal", "hbo");
    /** Before the convoy, between its two Los Angeles days, after it. */
    private static final List<Instant> MOMENTS = List.of(Instant.parse("2023-02-20T17:00:00Z"),
            SampleConvoy.at(SampleConvoy.IN_LOS_ANGELES, "20:00"), Instant.parse("2023-03-05T17:00:00Z"));

    @Test
    void everyNoticeAboutAMeetingCarriesAHigherSequenceThanTheOneBefore() {
        forAllStories((story, told) -> told.schedule().meetings().forEach(meeting -> {
            List<MeetingEvent> notices = told.notices(meeting);
            assertThat(notices).first().isInstanceOf(MeetingConfirmed.class)
                    .extracting(MeetingEvent::sequence).isEqualTo(0);
            for (int i = 1; i < notices.size(); i++) {
                assertThat(notices.get(i).sequence()).as("notice %d of %s", i + 1, notices)
                        .isGreaterThan(notices.get(i - 1).sequence());
            }
        }));
    }

    @Test
    void theMeetingKeepsItsIdAndSoItsCalendarUid() {
        forAllStories((story, told) -> {
            Schedule schedule = told.schedule();
            assertThat(schedule.meetings()).extracting(Meeting::id).containsExactlyInAnyOrderElementsOf(told.ids());
            assertThat(schedule.pendingEvents()).allSatisfy(
                    entry -> assertThat(told.ids()).contains(UUID.fromString(entry.key())));
            assertThat(ScheduleTest.calendar(schedule.meeting(story.id()).orElseThrow()))
                    .contains("UID:" + CalendarUids.ofMeeting(story.id()) + "\r\n");
        });
    }

    @Test
    void nothingIsSaidAboutAMeetingOnceItIsCancelled() {
        forAllStories((story, told) -> told.schedule().meetings().forEach(meeting -> {
            List<MeetingEvent> notices = told.notices(meeting);
            for (int i = 0; i < notices.size() - 1; i++) {
                assertThat(notices.get(i)).as("notice %d of %d", i + 1, notices.size())
                        .isNotInstanceOf(MeetingCancelled.class);
            }
            assertThat(meeting.is(MeetingStatus.CANCELLED)).as("cancelled, as the last notice says")
                    .isEqualTo(notices.get(notices.size() - 1) instanceof MeetingCancelled);
        }));
    }

    @Test
    void theCalendarEntryCarriesTheSequenceOfTheLastNotice() {
        forAllStories((story, told) -> told.schedule().meetings().forEach(meeting -> {
            List<MeetingEvent> notices = told.notices(meeting);
            assertThat(meeting.sequence()).isEqualTo(notices.get(notices.size() - 1).sequence());
            assertThat(ScheduleTest.calendar(meeting)).contains("SEQUENCE:" + meeting.sequence() + "\r\n",
                    meeting.is(MeetingStatus.CANCELLED) ? "STATUS:CANCELLED" : "STATUS:CONFIRMED");
        }));
    }

    @Test
    void aRefusedStepNeitherChangesTheScheduleNorTellsAnyone() {
        forAllStories((story, told) -> assertThat(told.refusedWithATrace()).isEmpty());
    }

    /** Guards the properties above against stories where nothing much happens. */
    @Test
    void theStoriesMoveCancelLeaveAndGetRefused() {
        int moved = 0;
        int cancelled = 0;
        int refused = 0;
        for (Story story : ForAll.inputs(ScheduleProperties::story).tries(TRIES).samples()) {
            Told told = tell(story);
            List<MeetingEvent> notices = told.notices(told.schedule().meeting(story.id()).orElseThrow());
            moved += (int) notices.stream().filter(MeetingRescheduled.class::isInstance).count();
            cancelled += (int) notices.stream().filter(MeetingCancelled.class::isInstance).count();
            refused += told.refused();
        }
        assertThat(moved).isGreaterThan(TRIES);
        assertThat(cancelled).isGreaterThan(TRIES / 4);
        assertThat(refused).isGreaterThan(TRIES / 4);
    }

    private static void forAllStories(BiConsumer<Story, Told> property) {
        ForAll.inputs(ScheduleProperties::story).tries(TRIES).shrinking(Story::shorter)
                .check(story -> property.accept(story, tell(story)));
    }

    /**
     * @param ids               the meetings confirmed before the steps
     * @param refused           how many steps were refused
     * @param refusedWithATrace the refused steps that changed a meeting or recorded an event all the same
     */
    private record Told(Schedule schedule, List<UUID> ids, int refused, List<String> refusedWithATrace,
            Map<UUID, List<MeetingEvent>> byMeeting) {

        Told(Schedule schedule, List<UUID> ids, int refused, List<String> refusedWithATrace) {
            this(schedule, ids, refused, refusedWithATrace, RecordedEvents.byMeeting(schedule));
        }

        List<MeetingEvent> notices(Meeting meeting) {
            return byMeeting.getOrDefault(meeting.id(), List.of());
        }
    }

    /** Confirms the meeting and those around it that fit, then takes the steps. */
    private static Told tell(Story story) {
        Schedule schedule = Schedule.empty(SampleConvoy.ID);
        Map<UUID, ScheduledDelegate> known = SampleDelegates.byId(story.delegates());
        schedule.draft(story.id(), story.first(), MOMENTS.get(0));
        schedule.confirm(story.id(), rules(story.first(), known), MOMENTS.get(0));
        for (Meeting around : story.around()) {
            schedule.draft(around.id(), around.plan(), MOMENTS.get(0));
            try {
                schedule.confirm(around.id(), rules(around.plan(), known), MOMENTS.get(0));
            } catch (MeetingConflictException e) {
                schedule.discard(around.id());
            }
        }
        List<UUID> ids = schedule.meetings().stream().map(Meeting::id).toList();
        int refused = 0;
        List<String> traces = new ArrayList<>();
        for (Step step : story.steps()) {
            List<Meeting> before = schedule.meetings();
            int notices = schedule.pendingEvents().size();
            try {
                step.take(schedule, story.id(), known);
            } catch (MeetingConflictException | MeetingStateException e) {
                refused++;
                if (!schedule.meetings().equals(before) || schedule.pendingEvents().size() != notices) {
                    traces.add(step.toString());
                }
            }
        }
        return new Told(schedule, ids, refused, traces);
    }

    private static PlanningRules rules(MeetingPlan plan, Map<UUID, ScheduledDelegate> known) {
        return new PlanningRules(SampleConvoy.california(), SampleHosts.seed(plan.hostId()), known);
    }

    // --- what happens ---

    /**
     * @param first  the meeting followed, as first confirmed
     * @param around other meetings confirmed before it, if they fit
     */
    record Story(List<ScheduledDelegate> delegates, UUID id, MeetingPlan first, List<Meeting> around,
            List<Step> steps) {

        List<Story> shorter() {
            return ForAll.oneLess(steps).stream().map(fewer -> new Story(delegates, id, first, around, fewer)).toList();
        }

        @Override
        public String toString() {
            return "meeting at " + first.hostId() + " " + SampleConvoy.california().local(first.startsAt())
                    + " with " + first.attendeeIds().size() + ", " + around.size() + " around it; steps:\n  "
                    + String.join("\n  ", steps.stream().map(Step::toString).toList());
        }
    }

    sealed interface Step {

        void take(Schedule schedule, UUID meetingId, Map<UUID, ScheduledDelegate> known);
    }

    /** An organizer moves the meeting (time, host, cohort); the same plan again is a move too. */
    record Move(MeetingPlan plan, Instant now) implements Step {

        @Override
        public void take(Schedule schedule, UUID meetingId, Map<UUID, ScheduledDelegate> known) {
            schedule.replan(meetingId, plan, rules(plan, known), now);
        }

        @Override
        public String toString() {
            return "move to " + plan.hostId() + " " + SampleConvoy.california().local(plan.startsAt()) + " with "
                    + plan.attendeeIds().size();
        }
    }

    record KeepAsItIs(Instant now) implements Step {

        @Override
        public void take(Schedule schedule, UUID meetingId, Map<UUID, ScheduledDelegate> known) {
            MeetingPlan plan = schedule.meeting(meetingId).orElseThrow().plan();
            schedule.replan(meetingId, plan, rules(plan, known), now);
        }
    }

    record ConfirmAgain(Instant now) implements Step {

        @Override
        public void take(Schedule schedule, UUID meetingId, Map<UUID, ScheduledDelegate> known) {
            schedule.confirm(meetingId, rules(schedule.meeting(meetingId).orElseThrow().plan(), known), now);
        }
    }

    record Cancel(String reason, Instant now) implements Step {

        @Override
        public void take(Schedule schedule, UUID meetingId, Map<UUID, ScheduledDelegate> known) {
            schedule.cancel(meetingId, reason, now);
        }
    }

    /** A delegate withdraws, or is erased. */
    record Leave(UUID delegateId, boolean erased, Instant now) implements Step {

        @Override
        public void take(Schedule schedule, UUID meetingId, Map<UUID, ScheduledDelegate> known) {
            schedule.leave(delegateId, now, erased, "No attendees left");
        }

        @Override
        public String toString() {
            return (erased ? "erase " : "withdraw ") + delegateId.toString().substring(0, 8) + " at " + now;
        }
    }

    static Story story(Gen gen) {
        List<ScheduledDelegate> delegates = gen.listOf(2, 5,
                g -> SampleDelegates.approved(g.uuid(), List.of(), List.of()));
        List<UUID> ids = delegates.stream().map(ScheduledDelegate::id).toList();
        List<Meeting> around = gen.listOf(0, 4, g -> Meeting.planned(g.uuid(), plan(g, ids)));
        int moment = 0;
        List<Step> steps = new ArrayList<>();
        int count = gen.between(1, 12);
        for (int i = 0; i < count; i++) {
            if (gen.chance(0.2) && moment < MOMENTS.size() - 1) {
                moment++; // time passes
            }
            Instant now = MOMENTS.get(moment);
            int kind = gen.between(1, 10);
            steps.add(switch (kind) {
                case 1, 2, 3 -> new Move(plan(gen, ids), now);
                case 4 -> new KeepAsItIs(now);
                case 5 -> new ConfirmAgain(now);
                case 6 -> new Cancel(gen.oneOf(List.of("Host closed", "Weather")), now);
                default -> new Leave(gen.oneOf(ids), gen.chance(0.3), now);
            });
        }
        return new Story(delegates, gen.uuid(), plan(gen, ids), around, List.copyOf(steps));
    }

    private static MeetingPlan plan(Gen gen, List<UUID> delegates) {
        Host host = SampleHosts.seed(gen.oneOf(HOSTS));
        Instant startsAt = SampleConvoy.at(gen.oneOf(DAYS), LocalTime.of(9, 0).plusMinutes(gen.between(0, 420, 15))
                .toString());
        return SampleMeetings.plan(host, startsAt, gen.between(30, 90, 15), gen.some(delegates, 1, delegates.size()));
    }
}
