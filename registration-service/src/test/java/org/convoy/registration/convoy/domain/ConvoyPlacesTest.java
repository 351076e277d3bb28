package org.convoy.registration.convoy.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;
import static org.convoy.registration.convoy.domain.Convoy.PlaceDecision.HELD;
import static org.convoy.registration.convoy.domain.Convoy.PlaceDecision.WAITLISTED;
import static org.convoy.registration.convoy.domain.Convoys.atMost;
import static org.convoy.registration.delegate.domain.Vocabulary.Role.BUSINESS_DELEGATE;
import static org.convoy.registration.delegate.domain.Vocabulary.Role.MAYOR;
import static org.convoy.registration.delegate.domain.Vocabulary.Role.STAFF;
import static org.convoy.registration.delegate.domain.Vocabulary.Role.STATE_REPRESENTATIVE;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.convoy.registration.convoy.domain.Convoy.PlaceDecision;
import org.junit.jupiter.api.Test;

/** The places ledger: who holds a place, who waits and in which order, decided without any store or broker. */
class ConvoyPlacesTest {

    private static final Instant OPENED = Instant.parse("2026-03-02T09:00:00Z");

    private final UUID zapopan = group("Zapopan");
    private final UUID guadalajara = group("Guadalajara");
    private final UUID tlaquepaque = group("Tlaquepaque");
    private final UUID monterrey = group("Monterrey");
    private final UUID puebla = group("Puebla");

    private int arrivals;

    @Test
    void aGroupThatFitsHoldsItsPlacesWhole() {
        Convoy convoy = Convoys.withPlaces(6);

        assertThat(arrives(convoy, zapopan, Groups.mayorWithStaff(2))).isEqualTo(HELD);

        assertThat(convoy.decisionFor(zapopan)).contains(HELD);
        assertThat(convoy.placesTaken()).containsOnly(entry("MAYOR", 1), entry("STAFF", 2));
        assertThat(convoy.waiting()).isZero();
        assertThat(convoy.waitlistPosition(zapopan)).isZero();
        assertThat(convoy.pendingPromotions()).as("the answer itself tells a group seated on arrival").isEmpty();
    }

    @Test
    void aGroupThatDoesNotFitWaitsWhole() {
        Convoy convoy = Convoys.withPlaces(5);
        arrives(convoy, zapopan, Groups.mayorWithStaff(2));

        assertThat(arrives(convoy, guadalajara, Groups.mayorWithStaff(2))).isEqualTo(WAITLISTED);

        assertThat(convoy.placesTaken()).as("the two free places are not given to part of the group")
                .containsOnly(entry("MAYOR", 1), entry("STAFF", 2));
        assertThat(convoy.waiting()).isEqualTo(3);
        assertThat(convoy.decisionFor(guadalajara)).contains(WAITLISTED);
        assertThat(convoy.waitlistPosition(guadalajara)).isEqualTo(1);
    }

    @Test
    void aGroupOverItsRoleLimitWaitsWhileOtherPlacesAreFree() {
        Convoy convoy = Convoys.withPlaces(10, atMost(1, MAYOR));
        arrives(convoy, zapopan, Groups.mayorWithStaff(1));

        assertThat(arrives(convoy, tlaquepaque, Groups.mayorWithStaff(1))).isEqualTo(WAITLISTED);
        assertThat(arrives(convoy, monterrey, Groups.businessDelegates(4))).isEqualTo(HELD);

        assertThat(convoy.placesTaken()).containsOnly(entry("MAYOR", 1), entry("STAFF", 1),
                entry("BUSINESS_DELEGATE", 4));
    }

    @Test
    void aRoleWithoutItsOwnLimitIsBoundByTheTotal() {
        Convoy convoy = Convoys.withPlaces(5, atMost(1, MAYOR));

        assertThat(arrives(convoy, zapopan, Groups.staff(5))).isEqualTo(HELD);
        assertThat(arrives(convoy, guadalajara, Groups.staff(1))).isEqualTo(WAITLISTED);

        assertThat(convoy.placesTaken()).containsOnly(entry("STAFF", 5));
    }

    @Test
    void aGroupWithARoleThatHasNoPlacesWaitsEvenInAnEmptyConvoy() {
        Convoy convoy = Convoys.withPlaces(10, atMost(0, STATE_REPRESENTATIVE));

        assertThat(arrives(convoy, zapopan, Groups.of(STATE_REPRESENTATIVE, STAFF))).isEqualTo(WAITLISTED);

        assertThat(convoy.placesTaken().values()).allMatch(taken -> taken == 0);
        assertThat(convoy.waiting()).isEqualTo(2);
    }

    @Test
    void aNewGroupThatFitsIsSeatedWhileALargerOlderGroupWaits() {
        Convoy convoy = Convoys.withPlaces(5);
        arrives(convoy, zapopan, Groups.staff(3));
        arrives(convoy, guadalajara, Groups.businessDelegates(4));

        assertThat(arrives(convoy, tlaquepaque, Groups.businessDelegates(2))).isEqualTo(HELD);

        assertThat(convoy.waitlistPosition(guadalajara)).isEqualTo(1);
        assertThat(convoy.placesTaken()).containsOnly(entry("STAFF", 3), entry("BUSINESS_DELEGATE", 2));
    }

    @Test
    void aWithdrawalPromotesTheOldestWaitingGroupThatFits() {
        Convoy convoy = Convoys.withPlaces(4);
        arrives(convoy, zapopan, Groups.staff(2));
        arrives(convoy, guadalajara, Groups.staff(2));
        arrives(convoy, tlaquepaque, Groups.businessDelegates(2));
        arrives(convoy, monterrey, Groups.businessDelegates(2));

        List<UUID> promoted = convoy.release(zapopan, Map.of());

        assertThat(promoted).containsExactly(tlaquepaque);
        assertThat(convoy.decisionFor(zapopan)).isEmpty();
        assertThat(convoy.decisionFor(tlaquepaque)).contains(HELD);
        assertThat(convoy.decisionFor(monterrey)).contains(WAITLISTED);
        assertThat(convoy.waitlistPosition(monterrey)).isEqualTo(1);
        assertThat(convoy.pendingPromotions()).containsExactly(tlaquepaque);
    }

    @Test
    void aSmallerLaterGroupMovesInWhenTheOlderOneStillDoesNotFit() {
        Convoy convoy = Convoys.withPlaces(5);
        arrives(convoy, zapopan, Groups.staff(3));
        arrives(convoy, guadalajara, Groups.staff(2));
        arrives(convoy, tlaquepaque, Groups.businessDelegates(4));
        arrives(convoy, monterrey, Groups.businessDelegates(2));

        List<UUID> promoted = convoy.release(guadalajara, Map.of());

        assertThat(promoted).containsExactly(monterrey);
        assertThat(convoy.decisionFor(tlaquepaque)).contains(WAITLISTED);
        assertThat(convoy.waitlistPosition(tlaquepaque)).isEqualTo(1);
    }

    @Test
    void freedPlacesGoToEveryWaitingGroupThatFitsOldestFirst() {
        Convoy convoy = Convoys.withPlaces(4);
        arrives(convoy, zapopan, Groups.staff(4));
        arrives(convoy, guadalajara, Groups.businessDelegates(2));
        arrives(convoy, tlaquepaque, Groups.businessDelegates(3));
        arrives(convoy, monterrey, Groups.businessDelegates(2));

        List<UUID> promoted = convoy.release(zapopan, Map.of());

        assertThat(promoted).containsExactly(guadalajara, monterrey);
        assertThat(convoy.pendingPromotions()).containsExactly(guadalajara, monterrey);
        assertThat(convoy.waitlistPosition(tlaquepaque)).isEqualTo(1);
        assertThat(convoy.placesTaken()).containsOnly(entry("BUSINESS_DELEGATE", 4));
    }

    @Test
    void aRoleLimitStopsAPromotionThatTheTotalWouldAllow() {
        Convoy convoy = Convoys.withPlaces(6, atMost(1, MAYOR));
        arrives(convoy, zapopan, Groups.mayorWithStaff(1));
        arrives(convoy, guadalajara, Groups.staff(4));
        arrives(convoy, tlaquepaque, Groups.mayorWithStaff(1));
        arrives(convoy, monterrey, Groups.staff(2));

        List<UUID> promoted = convoy.release(guadalajara, Map.of());

        assertThat(promoted).as("the waiting mayor's group still finds the mayor's place taken")
                .containsExactly(monterrey);
        assertThat(convoy.decisionFor(tlaquepaque)).contains(WAITLISTED);
    }

    @Test
    void allocatingTheSameGroupAgainGivesTheSameAnswer() {
        Convoy convoy = Convoys.withPlaces(3);
        PlaceDecisions first = new PlaceDecisions(arrives(convoy, zapopan, Groups.staff(3)),
                arrives(convoy, guadalajara, Groups.staff(2)));

        PlaceDecisions again = new PlaceDecisions(arrives(convoy, zapopan, Groups.staff(1)),
                arrives(convoy, guadalajara, Groups.staff(1)));

        assertThat(again).isEqualTo(first).isEqualTo(new PlaceDecisions(HELD, WAITLISTED));
        assertThat(convoy.placesTaken()).as("a repeated request with fewer members changes no places")
                .containsOnly(entry("STAFF", 3));
        assertThat(convoy.waiting()).isEqualTo(2);
        assertThat(convoy.waitlistPosition(guadalajara)).isEqualTo(1);
        assertThat(convoy.pendingPromotions()).isEmpty();
    }

    @Test
    void aPromotedGroupAskingAgainIsToldItHoldsPlaces() {
        Convoy convoy = Convoys.withPlaces(2);
        arrives(convoy, zapopan, Groups.staff(2));
        arrives(convoy, guadalajara, Groups.staff(2));
        convoy.release(zapopan, Map.of());

        assertThat(arrives(convoy, guadalajara, Groups.staff(2))).isEqualTo(HELD);
        assertThat(convoy.placesTaken()).containsOnly(entry("STAFF", 2));
    }

    @Test
    void aPartialWithdrawalFreesOnlyTheLeavingMembersPlaces() {
        Convoy convoy = Convoys.withPlaces(5);
        arrives(convoy, zapopan, Groups.mayorWithStaff(2));

        List<UUID> promoted = convoy.release(zapopan, Groups.mayorWithStaff(1));

        assertThat(promoted).isEmpty();
        assertThat(convoy.decisionFor(zapopan)).contains(HELD);
        assertThat(convoy.placesTaken()).containsOnly(entry("MAYOR", 1), entry("STAFF", 1));
    }

    @Test
    void aPartialWithdrawalPromotesAWaitingGroupThatNowFits() {
        Convoy convoy = Convoys.withPlaces(4);
        arrives(convoy, zapopan, Groups.mayorWithStaff(3));
        arrives(convoy, guadalajara, Groups.businessDelegates(2));

        List<UUID> promoted = convoy.release(zapopan, Groups.mayorWithStaff(1));

        assertThat(promoted).containsExactly(guadalajara);
        assertThat(convoy.placesTaken()).containsOnly(entry("MAYOR", 1), entry("STAFF", 1),
                entry("BUSINESS_DELEGATE", 2));
    }

    @Test
    void aWaitingGroupThatShrinksEnoughMovesIn() {
        Convoy convoy = Convoys.withPlaces(4);
        arrives(convoy, zapopan, Groups.staff(2));
        arrives(convoy, guadalajara, Groups.mayorWithStaff(2));

        List<UUID> promoted = convoy.release(guadalajara, Groups.mayorWithStaff(1));

        assertThat(promoted).containsExactly(guadalajara);
        assertThat(convoy.placesTaken()).containsOnly(entry("MAYOR", 1), entry("STAFF", 3));
        assertThat(convoy.waiting()).isZero();
    }

    @Test
    void aShrinkingWaitingGroupKeepsItsTurn() {
        Convoy convoy = Convoys.withPlaces(2);
        arrives(convoy, zapopan, Groups.staff(2));
        arrives(convoy, guadalajara, Groups.staff(3));
        arrives(convoy, tlaquepaque, Groups.staff(2));

        convoy.release(guadalajara, Groups.staff(2));

        assertThat(convoy.waitlistPosition(guadalajara)).isEqualTo(1);
        assertThat(convoy.waitlistPosition(tlaquepaque)).isEqualTo(2);
        assertThat(convoy.waiting()).isEqualTo(4);
        assertThat(convoy.release(zapopan, Map.of())).containsExactly(guadalajara);
    }

    @Test
    void releasingTheSameCountsAgainChangesNothing() {
        Convoy convoy = Convoys.withPlaces(4);
        arrives(convoy, zapopan, Groups.staff(3));
        arrives(convoy, guadalajara, Groups.staff(2));
        convoy.release(zapopan, Groups.staff(2));

        List<UUID> promotedAgain = convoy.release(zapopan, Groups.staff(2));

        assertThat(promotedAgain).isEmpty();
        assertThat(convoy.placesTaken()).containsOnly(entry("STAFF", 4));
        assertThat(convoy.pendingPromotions()).containsExactly(guadalajara);
    }

    @Test
    void aGroupReleasedToNoMembersIsForgottenAndFreesEveryPlace() {
        Convoy convoy = Convoys.withPlaces(3);
        arrives(convoy, zapopan, Groups.mayorWithStaff(1));
        arrives(convoy, guadalajara, Groups.staff(5));

        convoy.release(zapopan, Map.of("MAYOR", 0, "STAFF", 0));
        convoy.release(guadalajara, Map.of());

        assertThat(convoy.decisionFor(zapopan)).isEmpty();
        assertThat(convoy.decisionFor(guadalajara)).isEmpty();
        assertThat(convoy.waitlistPosition(guadalajara)).isZero();
        assertThat(convoy.placesTaken().values()).allMatch(taken -> taken == 0);
        assertThat(convoy.waiting()).isZero();
        assertThat(arrives(convoy, tlaquepaque, Groups.staff(3))).isEqualTo(HELD);
    }

    @Test
    void releasingAGroupTheLedgerDoesNotKnowChangesNothing() {
        Convoy convoy = Convoys.withPlaces(2);
        arrives(convoy, zapopan, Groups.staff(2));
        arrives(convoy, guadalajara, Groups.staff(1));

        assertThat(convoy.release(puebla, Map.of())).isEmpty();

        assertThat(convoy.decisionFor(puebla)).isEmpty();
        assertThat(convoy.placesTaken()).containsOnly(entry("STAFF", 2));
        assertThat(convoy.waitlistPosition(guadalajara)).isEqualTo(1);
    }

    @Test
    void aPromotionStaysPendingUntilTheGroupHasBeenTold() {
        Convoy convoy = Convoys.withPlaces(2);
        arrives(convoy, zapopan, Groups.staff(2));
        arrives(convoy, guadalajara, Groups.staff(1));
        arrives(convoy, tlaquepaque, Groups.staff(1));
        convoy.release(zapopan, Map.of());

        convoy.promotionDelivered(guadalajara);

        assertThat(convoy.pendingPromotions()).containsExactly(tlaquepaque);
        convoy.promotionDelivered(guadalajara);
        convoy.promotionDelivered(tlaquepaque);
        assertThat(convoy.pendingPromotions()).isEmpty();
        assertThat(convoy.decisionFor(guadalajara)).as("being told changes no place").contains(HELD);
    }

    @Test
    void waitlistPositionsFollowArrivalAndMoveUpWhenAGroupAheadLeaves() {
        Convoy convoy = Convoys.withPlaces(1);
        arrives(convoy, zapopan, Groups.staff(1));
        arrives(convoy, guadalajara, Groups.staff(2));
        arrives(convoy, tlaquepaque, Groups.staff(2));
        arrives(convoy, monterrey, Groups.staff(2));

        assertThat(List.of(convoy.waitlistPosition(guadalajara), convoy.waitlistPosition(tlaquepaque),
                convoy.waitlistPosition(monterrey))).containsExactly(1, 2, 3);

        convoy.release(guadalajara, Map.of());

        assertThat(List.of(convoy.waitlistPosition(tlaquepaque), convoy.waitlistPosition(monterrey)))
                .containsExactly(1, 2);
        assertThat(convoy.waiting()).isEqualTo(4);
    }

    @Test
    void rolesOutsideTheVocabularyCountAgainstTheTotal() {
        Convoy convoy = Convoys.withPlaces(3, atMost(3, BUSINESS_DELEGATE));
        arrives(convoy, zapopan, Groups.ofRoles(List.of("PRESS", "PRESS")));

        assertThat(arrives(convoy, guadalajara, Groups.businessDelegates(2))).isEqualTo(WAITLISTED);
        assertThat(convoy.placesTaken()).containsOnly(entry("PRESS", 2));
    }

    private PlaceDecision arrives(Convoy convoy, UUID group, Map<String, Integer> counts) {
        arrivals++;
        return convoy.allocate(group, counts, OPENED.plusSeconds(60L * arrivals));
    }

    private static UUID group(String municipality) {
        return UUID.nameUUIDFromBytes(municipality.getBytes(StandardCharsets.UTF_8));
    }

    private record PlaceDecisions(PlaceDecision first, PlaceDecision second) {
    }
}
