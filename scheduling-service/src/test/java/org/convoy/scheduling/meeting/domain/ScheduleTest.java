package org.convoy.scheduling.meeting.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.convoy.scheduling.convoy.domain.SampleConvoy.IN_LOS_ANGELES;
import static org.convoy.scheduling.convoy.domain.SampleConvoy.at;
import static org.convoy.scheduling.delegate.domain.SampleDelegates.approved;
import static org.convoy.scheduling.delegate.domain.SampleDelegates.byId;
import static org.convoy.scheduling.delegate.domain.SampleDelegates.ids;
import static org.convoy.scheduling.host.SampleHosts.seed;
import static org.convoy.scheduling.meeting.domain.SampleMeetings.movedTo;
import static org.convoy.scheduling.meeting.domain.SampleMeetings.plan;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.convoy.events.MeetingCancelled;
import org.convoy.events.MeetingConfirmed;
import org.convoy.events.MeetingEvent;
import org.convoy.events.MeetingRescheduled;
import org.convoy.scheduling.convoy.domain.SampleConvoy;
import org.convoy.scheduling.delegate.domain.ScheduledDelegate;
import org.convoy.scheduling.host.domain.Host;
import org.convoy.support.calendar.CalendarEvent;
import org.convoy.support.calendar.CalendarUids;
import org.convoy.support.calendar.ICalendar;
import org.convoy.support.outbox.OutboxEntry;
import org.junit.jupiter.api.Test;

/** A convoy's agenda: what organizers do to its meetings, and what attendees are told of it. */
class ScheduleTest {

    /** A week before the convoy: every meeting is still to come. */
    private static final Instant BEFORE = Instant.parse("2023-02-20T17:00:00Z");
    /** The day after the Los Angeles meetings below. */
    private static final Instant AFTER = at(IN_LOS_ANGELES.plusDays(1), "12:00");

    private final ScheduledDelegate ana = approved("Ana");
    private final ScheduledDelegate beto = approved("Beto");
    private final Host disney = seed("disney");
    private final Host paramount = seed("paramount");
    private final Schedule schedule = Schedule.empty(SampleConvoy.ID);

    @Test
    void aDraftTellsNobody() {
        Meeting draft = schedule.draft(UUID.randomUUID(), plan(disney, at(IN_LOS_ANGELES, "10:00"), 60, ids(ana)), BEFORE);

        assertThat(draft.status()).isEqualTo(MeetingStatus.DRAFT);
        assertThat(schedule.pendingEvents()).isEmpty();
    }

    @Test
    void confirmingADraftTellsItsAttendeesWithSequenceZero() {
        UUID id = drafted(disney, "10:00", ana, beto);

        Meeting confirmed = schedule.confirm(id, rules(disney), BEFORE);

        assertThat(confirmed.status()).isEqualTo(MeetingStatus.CONFIRMED);
        assertThat(confirmed.sequence()).isZero();
        assertThat(schedule.pendingEvents()).singleElement().satisfies(entry -> {
            assertThat(entry.type()).isEqualTo("MeetingConfirmed");
            assertThat(entry.key()).as("one meeting's events share a key, so they stay in order").isEqualTo(id.toString());
        });
        assertThat(RecordedEvents.of(schedule)).singleElement().isInstanceOfSatisfying(MeetingConfirmed.class, event -> {
            assertThat(event.meetingId()).isEqualTo(id);
            assertThat(event.sequence()).isZero();
            assertThat(event.details().hostId()).isEqualTo("disney");
            assertThat(event.details().attendeeIds()).containsExactly(ana.id(), beto.id());
        });
    }

    @Test
    void confirmingAConfirmedMeetingAgainChangesNothing() {
        UUID id = confirmed(disney, "10:00", ana);

        Meeting again = schedule.confirm(id, rules(disney), BEFORE);

        assertThat(again.sequence()).isZero();
        assertThat(schedule.pendingEvents()).hasSize(1);
    }

    @Test
    void aDraftThatBreaksARuleStaysADraftAndTellsNobody() {
        confirmed(paramount, "10:00", ana);
        UUID clash = drafted(disney, "10:30", ana);

        assertThatThrownBy(() -> schedule.confirm(clash, rules(disney), BEFORE))
                .isInstanceOfSatisfying(MeetingConflictException.class, e -> assertThat(e.conflicts())
                        .extracting(Conflict::code).containsExactly(ConflictCode.DELEGATE_DOUBLE_BOOKED));
        assertThat(schedule.meeting(clash)).hasValueSatisfying(m -> assertThat(m.status()).isEqualTo(MeetingStatus.DRAFT));
        assertThat(schedule.pendingEvents()).hasSize(1);
    }

    @Test
    void movingAConfirmedMeetingTellsItsAttendeesUnderTheSameIdWithTheNextSequence() {
        UUID id = confirmed(disney, "10:00", ana);
        MeetingPlan later = movedTo(schedule.meeting(id).orElseThrow().plan(), at(IN_LOS_ANGELES, "15:00"));

        Meeting moved = schedule.replan(id, later, rules(disney), BEFORE);

        assertThat(moved.id()).isEqualTo(id);
        assertThat(moved.sequence()).isEqualTo(1);
        assertThat(moved.startsAt()).isEqualTo(at(IN_LOS_ANGELES, "15:00"));
        assertThat(schedule.pendingEvents()).extracting(OutboxEntry::type)
                .containsExactly("MeetingConfirmed", "MeetingRescheduled");
        assertThat(RecordedEvents.of(schedule).get(1)).isInstanceOfSatisfying(MeetingRescheduled.class, event -> {
            assertThat(event.meetingId()).isEqualTo(id);
            assertThat(event.sequence()).isEqualTo(1);
            assertThat(event.details().startsAt()).isEqualTo(at(IN_LOS_ANGELES, "15:00"));
        });
    }

    @Test
    void replanningAConfirmedMeetingAsItAlreadyIsTellsNobody() {
        UUID id = confirmed(disney, "10:00", ana);

        Meeting same = schedule.replan(id, schedule.meeting(id).orElseThrow().plan(), rules(disney), BEFORE);

        assertThat(same.sequence()).isZero();
        assertThat(schedule.pendingEvents()).hasSize(1);
    }

    @Test
    void aMoveThatBreaksARuleIsRefusedAndTheMeetingStaysAsItWas() {
        UUID id = confirmed(disney, "10:00", ana);
        confirmed(paramount, "12:00", beto);
        Meeting before = schedule.meeting(id).orElseThrow();

        assertThatThrownBy(() -> schedule.replan(id, plan(paramount, at(IN_LOS_ANGELES, "12:30"), 60, ids(ana)),
                rules(paramount), BEFORE))
                .isInstanceOfSatisfying(MeetingConflictException.class, e -> assertThat(e.conflicts())
                        .extracting(Conflict::code).containsExactly(ConflictCode.HOST_BUSY));
        assertThat(schedule.meeting(id)).contains(before);
        assertThat(schedule.pendingEvents()).hasSize(2);
    }

    @Test
    void replanningADraftTellsNobody() {
        UUID id = drafted(disney, "10:00", ana);

        Meeting replanned = schedule.replan(id, plan(paramount, at(IN_LOS_ANGELES, "11:00"), 60, ids(ana, beto)),
                rules(paramount), BEFORE);

        assertThat(replanned.hostId()).isEqualTo("paramount");
        assertThat(replanned.sequence()).isZero();
        assertThat(schedule.pendingEvents()).isEmpty();
    }

    @Test
    void cancellingAConfirmedMeetingTellsItsAttendeesWithTheNextSequence() {
        UUID id = confirmed(disney, "10:00", ana, beto);

        Meeting cancelled = schedule.cancel(id, "The studio is closed that day", BEFORE);

        assertThat(cancelled.status()).isEqualTo(MeetingStatus.CANCELLED);
        assertThat(cancelled.sequence()).isEqualTo(1);
        assertThat(RecordedEvents.of(schedule).get(1)).isInstanceOfSatisfying(MeetingCancelled.class, event -> {
            assertThat(event.meetingId()).isEqualTo(id);
            assertThat(event.sequence()).isEqualTo(1);
            assertThat(event.reason()).isEqualTo("The studio is closed that day");
            assertThat(event.attendeeIds()).containsExactly(ana.id(), beto.id());
        });
    }

    @Test
    void cancellingACancelledMeetingAgainChangesNothing() {
        UUID id = confirmed(disney, "10:00", ana);
        schedule.cancel(id, "Closed", BEFORE);

        Meeting again = schedule.cancel(id, "Closed again", BEFORE);

        assertThat(again.sequence()).isEqualTo(1);
        assertThat(again.cancelReason()).isEqualTo("Closed");
        assertThat(schedule.pendingEvents()).hasSize(2);
    }

    @Test
    void aDraftIsDiscardedNotCancelled() {
        UUID id = drafted(disney, "10:00", ana);

        assertThatThrownBy(() -> schedule.cancel(id, "No longer wanted", BEFORE)).isInstanceOf(MeetingStateException.class);
        schedule.discard(id);

        assertThat(schedule.meeting(id)).isEmpty();
        assertThat(schedule.pendingEvents()).isEmpty();
    }

    @Test
    void aConfirmedMeetingIsCancelledNotDiscarded() {
        UUID id = confirmed(disney, "10:00", ana);

        assertThatThrownBy(() -> schedule.discard(id)).isInstanceOf(MeetingStateException.class);
        assertThat(schedule.meeting(id)).isPresent();
    }

    @Test
    void aCancelledMeetingCanNeitherBeMovedNorConfirmedAgain() {
        UUID id = confirmed(disney, "10:00", ana);
        Meeting cancelled = schedule.cancel(id, "Closed", BEFORE);

        assertThatThrownBy(() -> schedule.replan(id, movedTo(cancelled.plan(), at(IN_LOS_ANGELES, "15:00")),
                rules(disney), BEFORE)).isInstanceOf(MeetingStateException.class);
        assertThatThrownBy(() -> schedule.confirm(id, rules(disney), BEFORE)).isInstanceOf(MeetingStateException.class);
        assertThat(schedule.meeting(id)).contains(cancelled);
        assertThat(schedule.pendingEvents()).hasSize(2);
    }

    @Test
    void aDelegateWhoLeavesIsTakenOutOfTheirUpcomingMeetingsAndTheOthersAreTold() {
        UUID id = confirmed(disney, "10:00", ana, beto);

        List<Meeting> announced = schedule.leave(ana.id(), BEFORE, false, "Withdrew");

        assertThat(announced).singleElement().satisfies(meeting -> {
            assertThat(meeting.id()).isEqualTo(id);
            assertThat(meeting.attendeeIds()).containsExactly(beto.id());
            assertThat(meeting.sequence()).isEqualTo(1);
        });
        assertThat(RecordedEvents.of(schedule).get(1)).isInstanceOfSatisfying(MeetingRescheduled.class, event -> {
            assertThat(event.sequence()).isEqualTo(1);
            assertThat(event.details().attendeeIds()).containsExactly(beto.id());
        });
    }

    @Test
    void anUpcomingMeetingLeftWithoutAttendeesIsCancelled() {
        UUID id = confirmed(disney, "10:00", ana);

        schedule.leave(ana.id(), BEFORE, false, "No attendees left");

        assertThat(schedule.meeting(id)).hasValueSatisfying(meeting -> {
            assertThat(meeting.status()).isEqualTo(MeetingStatus.CANCELLED);
            assertThat(meeting.sequence()).isEqualTo(1);
        });
        assertThat(RecordedEvents.of(schedule).get(1)).isInstanceOfSatisfying(MeetingCancelled.class, event -> {
            assertThat(event.reason()).isEqualTo("No attendees left");
            assertThat(event.attendeeIds()).as("the one who left, whose calendar entry goes too").containsExactly(ana.id());
        });
    }

    @Test
    void anErasedDelegateLeavingAnUpcomingMeetingAloneIsNamedOnlyInItsCancellation() {
        UUID id = confirmed(disney, "10:00", ana);

        schedule.leave(ana.id(), BEFORE, true, "No attendees left");

        assertThat(schedule.meeting(id)).hasValueSatisfying(meeting -> {
            assertThat(meeting.status()).isEqualTo(MeetingStatus.CANCELLED);
            assertThat(meeting.attendeeIds()).isEmpty();
        });
        assertThat(RecordedEvents.of(schedule).get(1)).isInstanceOfSatisfying(MeetingCancelled.class,
                event -> assertThat(event.attendeeIds()).containsExactly(ana.id()));
    }

    @Test
    void pastMeetingsKeepADelegateWhoWithdraws() {
        UUID id = confirmed(disney, "10:00", ana, beto);
        Meeting held = schedule.meeting(id).orElseThrow();

        List<Meeting> announced = schedule.leave(ana.id(), AFTER, false, "Withdrew");

        assertThat(announced).isEmpty();
        assertThat(schedule.meeting(id)).contains(held);
        assertThat(schedule.pendingEvents()).hasSize(1);
    }

    @Test
    void anErasedDelegateDisappearsFromPastMeetingsWithoutAnyoneBeingTold() {
        UUID id = confirmed(disney, "10:00", ana, beto);

        List<Meeting> announced = schedule.leave(ana.id(), AFTER, true, "Erased");

        assertThat(announced).isEmpty();
        assertThat(schedule.meeting(id)).hasValueSatisfying(meeting -> {
            assertThat(meeting.attendeeIds()).containsExactly(beto.id());
            assertThat(meeting.sequence()).isZero();
        });
        assertThat(schedule.pendingEvents()).hasSize(1);
    }

    @Test
    void aDraftLosesADelegateWhoLeavesWithoutAnyoneBeingTold() {
        UUID id = drafted(disney, "10:00", ana, beto);

        assertThat(schedule.leave(ana.id(), BEFORE, false, "Withdrew")).isEmpty();

        assertThat(schedule.meeting(id)).hasValueSatisfying(
                meeting -> assertThat(meeting.attendeeIds()).containsExactly(beto.id()));
        assertThat(schedule.pendingEvents()).isEmpty();
    }

    @Test
    void aMovedMeetingKeepsItsCalendarEntryWithAHigherSequence() {
        UUID id = confirmed(disney, "10:00", ana);
        String before = calendar(schedule.meeting(id).orElseThrow());

        schedule.replan(id, movedTo(schedule.meeting(id).orElseThrow().plan(), at(IN_LOS_ANGELES, "15:00")),
                rules(disney), BEFORE);
        String after = calendar(schedule.meeting(id).orElseThrow());

        String uid = "UID:" + CalendarUids.ofMeeting(id) + "\r\n";
        assertThat(before).contains(uid, "SEQUENCE:0\r\n", "DTSTART;TZID=America/Los_Angeles:20230227T100000");
        assertThat(after).contains(uid, "SEQUENCE:1\r\n", "DTSTART;TZID=America/Los_Angeles:20230227T150000");
        assertThat(RecordedEvents.of(schedule)).extracting(MeetingEvent::sequence).containsExactly(0, 1);
    }

    /** The meeting as the agenda feed writes it: one entry per meeting id, at the meeting's sequence. */
    static String calendar(Meeting meeting) {
        return ICalendar.of(ICalendar.Method.PUBLISH, null).add(new CalendarEvent(CalendarUids.ofMeeting(meeting.id()),
                meeting.sequence(), meeting.startsAt(), meeting.endsAt(), meeting.zoneId(), meeting.plan().title(),
                meeting.plan().venue(), null, meeting.is(MeetingStatus.CANCELLED), meeting.updatedAt(), null, List.of()))
                .write();
    }

    private UUID drafted(Host host, String localTime, ScheduledDelegate... attendees) {
        UUID id = UUID.randomUUID();
        schedule.draft(id, plan(host, at(IN_LOS_ANGELES, localTime), 60, ids(attendees)), BEFORE);
        return id;
    }

    private UUID confirmed(Host host, String localTime, ScheduledDelegate... attendees) {
        UUID id = drafted(host, localTime, attendees);
        schedule.confirm(id, rules(host), BEFORE);
        return id;
    }

    private PlanningRules rules(Host host) {
        return new PlanningRules(SampleConvoy.california(), host, byId(ana, beto));
    }
}
