package org.convoy.scheduling.meeting.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.convoy.scheduling.convoy.domain.SampleConvoy.IN_LOS_ANGELES;
import static org.convoy.scheduling.convoy.domain.SampleConvoy.TRAVEL_DAY;
import static org.convoy.scheduling.convoy.domain.SampleConvoy.at;
import static org.convoy.scheduling.delegate.domain.SampleDelegates.approved;
import static org.convoy.scheduling.delegate.domain.SampleDelegates.byId;
import static org.convoy.scheduling.delegate.domain.SampleDelegates.ids;
import static org.convoy.scheduling.delegate.domain.SampleDelegates.notApproved;
import static org.convoy.scheduling.host.SampleHosts.everyDay;
import static org.convoy.scheduling.host.SampleHosts.receiving;
import static org.convoy.scheduling.host.SampleHosts.seed;
import static org.convoy.scheduling.host.SampleHosts.venue;
import static org.convoy.scheduling.meeting.domain.SampleMeetings.meeting;
import static org.convoy.scheduling.meeting.domain.SampleMeetings.movedTo;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.convoy.scheduling.convoy.domain.SampleConvoy;
import org.convoy.scheduling.delegate.domain.ScheduledDelegate;
import org.convoy.scheduling.delegate.domain.ScheduledDelegate.Status;
import org.convoy.scheduling.host.domain.Host;
import org.junit.jupiter.api.Test;

/** What stops a meeting from being confirmed, on the sample convoy and its seed hosts. */
class PlanningRulesTest {

    private final ScheduledDelegate ana = approved("Ana");
    private final ScheduledDelegate beto = approved("Beto");
    private final ScheduledDelegate carla = approved("Carla");
    private final Host disney = seed("disney");
    private final Host warnerBros = seed("warner-bros");
    private final Host paramount = seed("paramount");
    private final Host netflix = seed("netflix");

    @Test
    void aCohortThatFitsAroundItsOtherMeetingsHasNoConflicts() {
        Meeting before = meeting(paramount, at(IN_LOS_ANGELES, "09:00"), 60, ids(ana));
        Meeting after = meeting(warnerBros, at(IN_LOS_ANGELES, "13:00"), 60, ids(ana, beto));
        Meeting candidate = meeting(disney, at(IN_LOS_ANGELES, "11:00"), 60, ids(ana, beto, carla));

        assertThat(rules(disney).check(candidate, List.of(before, after))).isEmpty();
    }

    @Test
    void aDelegateAlreadyMeetingSomeoneElseThenIsDoubleBooked() {
        Meeting atParamount = meeting(paramount, at(IN_LOS_ANGELES, "10:00"), 60, ids(ana));
        Meeting candidate = meeting(disney, at(IN_LOS_ANGELES, "10:30"), 60, ids(ana, beto));

        assertThat(rules(disney).check(candidate, List.of(atParamount))).singleElement().satisfies(conflict -> {
            assertThat(conflict.code()).isEqualTo(ConflictCode.DELEGATE_DOUBLE_BOOKED);
            assertThat(conflict.delegateId()).isEqualTo(ana.id());
            assertThat(conflict.otherMeetingId()).isEqualTo(atParamount.id());
        });
    }

    @Test
    void aDelegateWhoCannotGetFromTheirPreviousMeetingInTimeIsReported() {
        // Paramount to Disney is a trip within Los Angeles: 45 minutes; Ana would have 30.
        Meeting atParamount = meeting(paramount, at(IN_LOS_ANGELES, "09:00"), 60, ids(ana));
        Meeting candidate = meeting(disney, at(IN_LOS_ANGELES, "10:30"), 60, ids(ana));

        assertThat(rules(disney).check(candidate, List.of(atParamount))).singleElement().satisfies(conflict -> {
            assertThat(conflict.code()).isEqualTo(ConflictCode.TRAVEL_TIME_TOO_SHORT);
            assertThat(conflict.delegateId()).isEqualTo(ana.id());
            assertThat(conflict.otherMeetingId()).isEqualTo(atParamount.id());
            assertThat(conflict.message()).contains("needs 45 min", "has 30 min");
        });
    }

    @Test
    void aDelegateWhoCouldNotReachTheirNextMeetingInTimeIsReported() {
        // On the travel day the convoy moves from Los Angeles to San José: 330 minutes; Ana would have 300.
        Meeting atNetflix = meeting(netflix, at(TRAVEL_DAY, "15:00"), 60, ids(ana));
        Meeting candidate = meeting(disney, at(TRAVEL_DAY, "09:00"), 60, ids(ana));

        assertThat(rules(disney).check(candidate, List.of(atNetflix))).singleElement().satisfies(conflict -> {
            assertThat(conflict.code()).isEqualTo(ConflictCode.TRAVEL_TIME_TOO_SHORT);
            assertThat(conflict.otherMeetingId()).isEqualTo(atNetflix.id());
            assertThat(conflict.message()).contains("needs 330 min");
        });
    }

    @Test
    void travelTimeCountsBothFromThePreviousAndToTheNextMeeting() {
        Meeting previous = meeting(paramount, at(IN_LOS_ANGELES, "09:00"), 60, ids(ana));
        Meeting next = meeting(seed("hbo"), at(IN_LOS_ANGELES, "11:30"), 60, ids(ana));
        Meeting squeezedIn = meeting(disney, at(IN_LOS_ANGELES, "10:15"), 60, ids(ana));

        assertThat(rules(disney).check(squeezedIn, List.of(previous, next)))
                .allSatisfy(conflict -> assertThat(conflict.code()).isEqualTo(ConflictCode.TRAVEL_TIME_TOO_SHORT))
                .extracting(Conflict::otherMeetingId).containsExactlyInAnyOrder(previous.id(), next.id());
    }

    @Test
    void theSameVenueNeedsNoTravelEvenUnderAnotherHostsName() {
        Host disneyAnimation = venue("disney-animation", "LOS_ANGELES", disney.venue().address().toUpperCase(), 20,
                everyDay());
        Meeting atDisney = meeting(disney, at(IN_LOS_ANGELES, "09:00"), 60, ids(ana));
        Meeting backToBack = meeting(disneyAnimation, at(IN_LOS_ANGELES, "10:00"), 60, ids(ana));

        assertThat(rules(disneyAnimation).check(backToBack, List.of(atDisney))).isEmpty();
    }

    @Test
    void aNamedVenuePairBeatsTheTimeWithinTheCity() {
        // Disney and Warner Bros are 10 minutes apart; Los Angeles trips otherwise take 45.
        Meeting atDisney = meeting(disney, at(IN_LOS_ANGELES, "09:00"), 60, ids(ana));

        assertThat(rules(warnerBros).check(meeting(warnerBros, at(IN_LOS_ANGELES, "10:10"), 60, ids(ana)),
                List.of(atDisney))).isEmpty();
        assertThat(codes(rules(warnerBros).check(meeting(warnerBros, at(IN_LOS_ANGELES, "10:05"), 60, ids(ana)),
                List.of(atDisney)))).containsExactly(ConflictCode.TRAVEL_TIME_TOO_SHORT);
        assertThat(codes(rules(paramount).check(meeting(paramount, at(IN_LOS_ANGELES, "10:10"), 60, ids(ana)),
                List.of(atDisney)))).containsExactly(ConflictCode.TRAVEL_TIME_TOO_SHORT);
    }

    @Test
    void aHostOutsideItsAvailabilityIsUnavailable() {
        // Disney receives from 09:00 to 12:00 on the travel day; the meeting must fit entirely.
        assertThat(codes(rules(disney).check(meeting(disney, at(TRAVEL_DAY, "11:30"), 60, ids(ana)), List.of())))
                .containsExactly(ConflictCode.HOST_UNAVAILABLE);
        assertThat(rules(disney).check(meeting(disney, at(TRAVEL_DAY, "11:00"), 60, ids(ana)), List.of())).isEmpty();
    }

    @Test
    void aHostAlreadyReceivingADelegationThenIsBusy() {
        Meeting betoAtDisney = meeting(disney, at(IN_LOS_ANGELES, "10:00"), 60, ids(beto));
        Meeting candidate = meeting(disney, at(IN_LOS_ANGELES, "10:30"), 60, ids(ana));

        assertThat(rules(disney).check(candidate, List.of(betoAtDisney))).singleElement().satisfies(conflict -> {
            assertThat(conflict.code()).isEqualTo(ConflictCode.HOST_BUSY);
            assertThat(conflict.otherMeetingId()).isEqualTo(betoAtDisney.id());
            assertThat(conflict.delegateId()).isNull();
        });
        assertThat(rules(disney).check(meeting(disney, at(IN_LOS_ANGELES, "11:00"), 60, ids(ana)),
                List.of(betoAtDisney))).as("a meeting right after the last one").isEmpty();
    }

    @Test
    void aCohortLargerThanTheRoomIsOverCapacity() {
        Host smallRoom = venue("small-room", "LOS_ANGELES", "1 Small St", 2, everyDay());

        assertThat(codes(rules(smallRoom).check(meeting(smallRoom, at(IN_LOS_ANGELES, "10:00"), 60,
                ids(ana, beto, carla)), List.of()))).containsExactly(ConflictCode.ROOM_OVER_CAPACITY);
        assertThat(rules(smallRoom).check(meeting(smallRoom, at(IN_LOS_ANGELES, "10:00"), 60, ids(ana, beto)),
                List.of())).isEmpty();
    }

    @Test
    void onlyApprovedDelegatesMayAttend() {
        ScheduledDelegate withdrawn = notApproved("Dora", Status.WITHDRAWN);
        UUID erased = UUID.randomUUID();
        Meeting candidate = meeting(disney, at(IN_LOS_ANGELES, "10:00"), 60, List.of(ana.id(), withdrawn.id(), erased));

        assertThat(new PlanningRules(SampleConvoy.california(), disney, byId(ana, withdrawn)).check(candidate, List.of()))
                .allSatisfy(conflict -> assertThat(conflict.code()).isEqualTo(ConflictCode.DELEGATE_NOT_APPROVED))
                .extracting(Conflict::delegateId).containsExactlyInAnyOrder(withdrawn.id(), erased);
    }

    @Test
    void aVenueInACityTheConvoyIsNotInThatDayIsRefused() {
        Host sanJoseStudio = venue("san-jose-studio", "SAN_JOSE", "1 Studio Way", 20, everyDay());

        assertThat(codes(rules(sanJoseStudio).check(meeting(sanJoseStudio, at(IN_LOS_ANGELES, "10:00"), 60, ids(ana)),
                List.of()))).containsExactly(ConflictCode.VENUE_NOT_IN_DAYS_CITY);
        assertThat(rules(sanJoseStudio).check(meeting(sanJoseStudio, at(TRAVEL_DAY, "16:00"), 60, ids(ana)),
                List.of())).as("on the travel day the convoy is in San José too").isEmpty();
    }

    @Test
    void aMeetingOutsideTheConvoysDaysIsInNoCityOfIt() {
        Host anywhere = venue("anywhere", "LOS_ANGELES", "1 Main St", 20,
                List.of(receiving(LocalDate.of(2023, 2, 26), "09:00", "18:00")));

        assertThat(codes(rules(anywhere).check(meeting(anywhere, at(LocalDate.of(2023, 2, 26), "10:00"), 60, ids(ana)),
                List.of()))).containsExactly(ConflictCode.VENUE_NOT_IN_DAYS_CITY);
    }

    @Test
    void everyBrokenRuleIsReportedAtOnce() {
        ScheduledDelegate withdrawn = notApproved("Dora", Status.WITHDRAWN);
        // A one-seat San José venue, open only on a Los Angeles morning.
        Host tiny = venue("tiny", "SAN_JOSE", "1 Tiny St", 1, List.of(receiving(IN_LOS_ANGELES, "09:00", "12:00")));
        Meeting hostTaken = meeting(tiny, at(IN_LOS_ANGELES, "11:00"), 60, ids(carla));
        Meeting anaElsewhere = meeting(paramount, at(IN_LOS_ANGELES, "12:00"), 60, ids(ana));
        Meeting betoFarAway = meeting(paramount, at(IN_LOS_ANGELES, "10:00"), 75, ids(beto));
        Meeting candidate = meeting(tiny, at(IN_LOS_ANGELES, "11:30"), 60, ids(ana, beto, withdrawn));

        List<Conflict> conflicts = new PlanningRules(SampleConvoy.california(), tiny, byId(ana, beto, carla, withdrawn))
                .check(candidate, List.of(hostTaken, anaElsewhere, betoFarAway));

        assertThat(codes(conflicts)).containsExactlyInAnyOrder(ConflictCode.values());
    }

    @Test
    void aConfirmedMeetingMovedALittleDoesNotCollideWithItsFormerSelf() {
        Meeting confirmed = meeting(disney, at(IN_LOS_ANGELES, "10:00"), 60, ids(ana, beto));
        Meeting moved = Meeting.planned(confirmed.id(), movedTo(confirmed.plan(), at(IN_LOS_ANGELES, "10:30")));

        assertThat(rules(disney).check(moved, List.of(confirmed))).isEmpty();
    }

    private PlanningRules rules(Host host) {
        return new PlanningRules(SampleConvoy.california(), host, byId(ana, beto, carla));
    }

    private static List<ConflictCode> codes(List<Conflict> conflicts) {
        return conflicts.stream().map(Conflict::code).toList();
    }
}
