package org.convoy.registration.delegate.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;
import static org.convoy.registration.delegate.domain.RegistrationStatus.APPROVED;
import static org.convoy.registration.delegate.domain.RegistrationStatus.ERASED;
import static org.convoy.registration.delegate.domain.RegistrationStatus.RECEIVED;
import static org.convoy.registration.delegate.domain.RegistrationStatus.REJECTED;
import static org.convoy.registration.delegate.domain.RegistrationStatus.SUBMITTED;
import static org.convoy.registration.delegate.domain.RegistrationStatus.WAITLISTED;
import static org.convoy.registration.delegate.domain.RegistrationStatus.WITHDRAWN;
import static org.convoy.registration.delegate.domain.Submissions.KEYS;
import static org.convoy.registration.delegate.domain.Submissions.LINKS;
import static org.convoy.registration.delegate.domain.Submissions.ORGANIZER;
import static org.convoy.registration.delegate.domain.Submissions.eventsAbout;
import static org.convoy.registration.delegate.domain.Submissions.holdingPlaces;
import static org.convoy.registration.delegate.domain.Submissions.leadWho;
import static org.convoy.registration.delegate.domain.Submissions.minutesLater;
import static org.convoy.registration.delegate.domain.Submissions.waiting;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;

import org.convoy.events.ConvoyEvent;
import org.convoy.events.DelegateProfile;
import org.convoy.events.DelegateKeyShared;
import org.convoy.events.DelegateRegistered;
import org.convoy.events.DelegateUpdated;
import org.convoy.events.EventCodec;
import org.convoy.events.RegistrationLinkIssued;
import org.convoy.registration.delegate.domain.Registration.PlaceState;
import org.convoy.registration.delegate.domain.Submissions.Snapshot;
import org.convoy.support.outbox.OutboxEntry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** A group's registration through its lifecycle, as plain objects: no store, no broker, no Spring. */
class RegistrationTest {

    private static final EventCodec EVENTS = new EventCodec();
    private static final Instant LATER = minutesLater(10);

    // Receiving

    @Test
    void aReceivedGroupWaitsForItsPlacesToBeDecidedBeforeAnyEvent() {
        DelegateProfile mayor = Delegates.mayor();
        Registration registration = Submissions.received(mayor, Delegates.staff(), Delegates.staff());

        assertThat(registration.pendingEvents()).isEmpty();
        assertThat(registration.placeState()).isEqualTo(PlaceState.DECIDING);
        assertThat(registration.members()).extracting(Member::status).containsOnly(RECEIVED);
        assertThat(registration.lead().profile()).isEqualTo(mayor);
        assertThat(registration.lead().delegateId()).as("the group is known by its lead").isEqualTo(registration.id());
        assertThat(registration.members()).filteredOn(Member::lead).hasSize(1);
        assertThat(registration.placesNeeded()).containsOnly(entry("MAYOR", 1), entry("STAFF", 2));
        assertThat(registration.history()).extracting(HistoryEntry::change).containsOnly("RECEIVED").hasSize(3);
        assertThat(registration.history()).filteredOn(entry -> !entry.delegateId().equals(registration.id()))
                .extracting(HistoryEntry::detail).containsOnly("companion of " + registration.id());
    }

    @Test
    void emailAddressesAreComparedWithoutCaseOrSurroundingSpaces() {
        assertThat(Registration.emailKey("  María.Hernandez@Zapopan.GOB.mx "))
                .isEqualTo(Registration.emailKey("maría.hernandez@zapopan.gob.mx"));
    }

    // Deciding places

    @Test
    void placesHeldMakeEveryMemberSubmittedRegisteredAndSentTheirLink() {
        Registration registration = Submissions.mayorWithStaff(2);

        assertThat(registration.placeDecided(true, LINKS, KEYS, LATER)).isTrue();

        assertThat(registration.placeState()).isEqualTo(PlaceState.HELD);
        assertThat(registration.pendingEvents()).hasSize(3 * 3);
        for (Member member : registration.members()) {
            assertThat(member.status()).isEqualTo(SUBMITTED);
            assertThat(eventsAbout(registration, member.delegateId()))
                    .containsExactly("DelegateKeyShared", "DelegateRegistered", "RegistrationLinkIssued");
            DelegateRegistered registered = registeredEvent(registration, member.delegateId());
            assertThat(registered.groupId()).isEqualTo(registration.id());
            assertThat(registered.profile()).as("the profile travels sealed only").isNull();
            assertThat(KEYS.open(member.delegateId(), member.dataKey(), registered.sealedProfile()))
                    .isEqualTo(member.profile());
            assertThat(eventAbout(registration, member.delegateId(), DelegateKeyShared.class).wrappedKey())
                    .isEqualTo(member.dataKey());
            RegistrationLinkIssued link = linkEvent(registration, member.delegateId());
            assertThat(link.reason()).isEqualTo(RegistrationLinkIssued.REGISTERED);
            assertThat(link.linkNonce()).isEqualTo(LINKS.apply(member.delegateId()).nonce());
            assertThat(member.linkCode()).as("only the code's hash is kept")
                    .isEqualTo(LINKS.apply(member.delegateId()).code());
        }
        assertThat(registration.pendingEvents()).extracting(OutboxEntry::occurredAt).containsOnly(LATER);
        assertThat(registration.history()).filteredOn(entry -> entry.change().equals("SUBMITTED"))
                .extracting(HistoryEntry::detail).containsOnly("place held").hasSize(3);
    }

    @Test
    void aGroupThatWaitsIsToldSoBesideItsRegistrationAndLink() {
        Registration registration = Submissions.mayorWithStaff(1);

        assertThat(registration.placeDecided(false, LINKS, KEYS, LATER)).isTrue();

        assertThat(registration.placeState()).isEqualTo(PlaceState.WAITLISTED);
        assertThat(registration.pendingEvents()).hasSize(4 * 2);
        for (Member member : registration.members()) {
            assertThat(member.status()).isEqualTo(WAITLISTED);
            assertThat(eventsAbout(registration, member.delegateId())).containsExactly("DelegateKeyShared",
                    "DelegateRegistered", "DelegateWaitlisted", "RegistrationLinkIssued");
        }
        assertThat(registration.placesNeeded()).as("a waiting group still needs its places")
                .containsOnly(entry("MAYOR", 1), entry("STAFF", 1));
    }

    @Test
    void decidingAgainChangesNothing() {
        Registration registration = holdingPlaces(Submissions.mayorWithStaff(1));
        Snapshot decided = Snapshot.of(registration);

        assertThat(registration.placeDecided(false, LINKS, KEYS, LATER)).isFalse();

        assertThat(Snapshot.of(registration)).isEqualTo(decided);
    }

    @Test
    void aMemberErasedBeforeThePlacesWereDecidedStaysErased() {
        Registration registration = Submissions.mayorWithStaff(1);
        UUID companion = registration.members().get(1).delegateId();
        registration.erase(companion, ORGANIZER, minutesLater(1));

        registration.placeDecided(true, LINKS, KEYS, LATER);

        assertThat(registration.member(companion).status()).isEqualTo(ERASED);
        assertThat(eventsAbout(registration, companion)).containsExactly("DelegateKeyDestroyed", "DelegateErased");
        assertThat(registration.placesNeeded()).containsOnly(entry("MAYOR", 1));
        assertThat(registration.lead().status()).isEqualTo(SUBMITTED);
    }

    // Promotion

    @Test
    void aPromotedGroupsWaitingMembersAwaitApproval() {
        Registration registration = waiting(Submissions.mayorWithStaff(2));
        UUID leaving = registration.members().get(2).delegateId();
        registration.withdraw(leaving, "delegate", minutesLater(2));
        Snapshot before = Snapshot.of(registration);

        assertThat(registration.promoted(LATER)).isTrue();

        assertThat(registration.placeState()).isEqualTo(PlaceState.HELD);
        assertThat(registration.member(leaving).status()).isEqualTo(WITHDRAWN);
        assertThat(eventsAbout(registration, leaving)).hasSameSizeAs(eventsOf(before, leaving));
        registration.members().stream().filter(member -> !member.delegateId().equals(leaving)).forEach(member -> {
            assertThat(member.status()).isEqualTo(SUBMITTED);
            assertThat(eventsAbout(registration, member.delegateId())).endsWith("DelegatePromoted")
                    .containsOnlyOnce("DelegatePromoted");
        });
        assertThat(registration.pendingEvents()).hasSize(before.events().size() + 2);
    }

    @Test
    void onlyAWaitingGroupIsPromotedAndOnlyOnce() {
        Registration held = holdingPlaces(Submissions.mayorWithStaff(1));
        Snapshot heldBefore = Snapshot.of(held);
        Registration waiting = waiting(Submissions.mayorWithStaff(1));
        waiting.promoted(minutesLater(2));
        Snapshot promotedOnce = Snapshot.of(waiting);

        assertThat(held.promoted(LATER)).isFalse();
        assertThat(waiting.promoted(LATER)).isFalse();

        assertThat(Snapshot.of(held)).isEqualTo(heldBefore);
        assertThat(Snapshot.of(waiting)).isEqualTo(promotedOnce);
    }

    // Approval

    @Test
    void aSubmittedDelegateIsApprovedOnceAndAloneInTheGroup() {
        Registration registration = holdingPlaces(Submissions.mayorWithStaff(1));
        UUID mayor = registration.id();
        UUID staff = registration.members().get(1).delegateId();

        registration.approve(mayor, ORGANIZER, LATER);
        registration.approve(mayor, ORGANIZER, LATER.plusSeconds(5));

        assertThat(registration.member(mayor).status()).isEqualTo(APPROVED);
        assertThat(registration.member(staff).status()).isEqualTo(SUBMITTED);
        assertThat(eventsAbout(registration, mayor)).containsOnlyOnce("DelegateApproved").endsWith("DelegateApproved");
        assertThat(registration.history()).filteredOn(entry -> entry.change().equals("APPROVED"))
                .singleElement().satisfies(entry -> {
                    assertThat(entry.by()).isEqualTo(ORGANIZER);
                    assertThat(entry.at()).isEqualTo(LATER);
                });
        assertThat(registration.releasePending()).isFalse();
    }

    @ParameterizedTest
    @EnumSource(names = {"RECEIVED", "WAITLISTED", "REJECTED", "WITHDRAWN", "ERASED"})
    void onlyASubmittedDelegateCanBeApproved(RegistrationStatus status) {
        assertRefusedForLeadWho(status, registration -> registration.approve(registration.id(), ORGANIZER, LATER));
    }

    // Rejection

    @Test
    void aRejectionKeepsItsReasonFreesThePlaceAndIsRecordedOnce() {
        Registration registration = holdingPlaces(Submissions.mayorWithStaff(1));
        UUID staff = registration.members().get(1).delegateId();

        registration.reject(staff, "Not part of the official delegation", ORGANIZER, LATER);
        registration.reject(staff, "Asked twice", ORGANIZER, LATER.plusSeconds(5));

        assertThat(registration.member(staff).status()).isEqualTo(REJECTED);
        assertThat(registration.member(staff).reason()).isEqualTo("Not part of the official delegation");
        assertThat(eventsAbout(registration, staff)).containsOnlyOnce("DelegateRejected").endsWith("DelegateRejected");
        assertThat(registration.placesNeeded()).containsOnly(entry("MAYOR", 1));
        assertThat(registration.releasePending()).isTrue();
        assertThat(registration.history()).filteredOn(entry -> entry.change().equals("REJECTED"))
                .extracting(HistoryEntry::detail).containsExactly("Not part of the official delegation");
    }

    @ParameterizedTest
    @EnumSource(names = {"SUBMITTED", "WAITLISTED", "APPROVED"})
    void aDelegateTakingPartCanBeRejected(RegistrationStatus status) {
        Registration registration = leadWho(status);

        registration.reject(registration.id(), "Agenda complete", ORGANIZER, LATER);

        assertThat(registration.lead().status()).isEqualTo(REJECTED);
        assertThat(registration.placesNeeded()).doesNotContainKey("MAYOR");
    }

    @ParameterizedTest
    @EnumSource(names = {"RECEIVED", "WITHDRAWN", "ERASED"})
    void aDelegateNotYetDecidedOrNoLongerTakingPartCannotBeRejected(RegistrationStatus status) {
        assertRefusedForLeadWho(status,
                registration -> registration.reject(registration.id(), "Agenda complete", ORGANIZER, LATER));
    }

    // Withdrawal

    @Test
    void aWithdrawalFreesThePlaceAndIsRecordedOnce() {
        Registration registration = holdingPlaces(Submissions.mayorWithStaff(1));
        UUID staff = registration.members().get(1).delegateId();

        registration.withdraw(staff, "delegate", LATER);
        registration.withdraw(staff, "delegate", LATER.plusSeconds(5));

        assertThat(registration.member(staff).status()).isEqualTo(WITHDRAWN);
        assertThat(eventsAbout(registration, staff)).containsOnlyOnce("DelegateWithdrawn")
                .endsWith("DelegateWithdrawn");
        assertThat(registration.placesNeeded()).containsOnly(entry("MAYOR", 1));
        assertThat(registration.releasePending()).isTrue();

        registration.releaseRecorded();

        assertThat(registration.releasePending()).as("the ledger has been told").isFalse();
    }

    @ParameterizedTest
    @EnumSource(names = {"SUBMITTED", "WAITLISTED", "APPROVED"})
    void aDelegateTakingPartCanWithdraw(RegistrationStatus status) {
        Registration registration = leadWho(status);

        registration.withdraw(registration.id(), "delegate", LATER);

        assertThat(registration.lead().status()).isEqualTo(WITHDRAWN);
        assertThat(registration.placesNeeded()).doesNotContainKey("MAYOR");
    }

    @ParameterizedTest
    @EnumSource(names = {"RECEIVED", "REJECTED", "ERASED"})
    void aDelegateNotYetDecidedOrNoLongerTakingPartCannotWithdraw(RegistrationStatus status) {
        assertRefusedForLeadWho(status, registration -> registration.withdraw(registration.id(), "delegate", LATER));
    }

    // Editing

    @Test
    void aNewOrganizationSendsAnApprovedDelegateBackToReview() {
        Registration registration = leadWho(APPROVED);
        DelegateProfile moved = Delegates.withOrganization(registration.lead().profile(), "Gobierno de Jalisco");

        assertThat(registration.edit(registration.id(), moved, KEYS, "delegate", LATER)).isTrue();

        assertThat(registration.lead().status()).isEqualTo(SUBMITTED);
        assertThat(registration.lead().profile()).isEqualTo(moved);
        DelegateUpdated updated = lastEvent(registration, DelegateUpdated.class);
        assertThat(updated.reviewRequired()).isTrue();
        assertThat(updated.profile()).isNull();
        assertThat(KEYS.open(registration.id(), registration.lead().dataKey(), updated.sealedProfile())).isEqualTo(moved);
        assertThat(registration.history()).last().satisfies(entry -> {
            assertThat(entry.change()).isEqualTo("UPDATED_BACK_TO_REVIEW");
            assertThat(entry.detail()).isEqualTo("changed organization");
        });
    }

    @Test
    void aNewPositionSendsAnApprovedDelegateBackToReview() {
        Registration registration = leadWho(APPROVED);

        registration.edit(registration.id(), Delegates.withPosition(registration.lead().profile(), "Síndica"), KEYS,
                "delegate", LATER);

        assertThat(registration.lead().status()).isEqualTo(SUBMITTED);
        assertThat(lastEvent(registration, DelegateUpdated.class).reviewRequired()).isTrue();
    }

    @Test
    void aNewPhoneOrNameKeepsAnApprovedDelegateApproved() {
        Registration registration = leadWho(APPROVED);
        DelegateProfile changed = Delegates.withFamilyName(
                Delegates.withPhone(registration.lead().profile(), "+523398765432"), "Hernández");

        assertThat(registration.edit(registration.id(), changed, KEYS, "delegate", LATER)).isTrue();

        assertThat(registration.lead().status()).isEqualTo(APPROVED);
        assertThat(lastEvent(registration, DelegateUpdated.class).reviewRequired()).isFalse();
        assertThat(registration.history()).last().satisfies(entry -> {
            assertThat(entry.change()).isEqualTo("UPDATED");
            assertThat(entry.detail()).isEqualTo("changed familyName, phone");
        });
    }

    @ParameterizedTest
    @EnumSource(names = {"SUBMITTED", "WAITLISTED"})
    void aNewOrganizationLeavesADelegateNotYetApprovedWhereTheyStand(RegistrationStatus status) {
        Registration registration = leadWho(status);

        registration.edit(registration.id(),
                Delegates.withOrganization(registration.lead().profile(), "Gobierno de Jalisco"), KEYS, "delegate",
                LATER);

        assertThat(registration.lead().status()).isEqualTo(status);
        assertThat(lastEvent(registration, DelegateUpdated.class).reviewRequired()).isFalse();
    }

    @Test
    void anUnchangedProfileIsNoChange() {
        Registration registration = leadWho(APPROVED);
        Snapshot before = Snapshot.of(registration);

        assertThat(registration.edit(registration.id(), registration.lead().profile(), KEYS, "delegate", LATER))
                .isFalse();

        assertThat(Snapshot.of(registration)).isEqualTo(before);
    }

    @ParameterizedTest
    @EnumSource(names = {"RECEIVED", "REJECTED", "WITHDRAWN", "ERASED"})
    void aDelegateNotYetDecidedOrNoLongerTakingPartCannotChangeTheirDetails(RegistrationStatus status) {
        assertRefusedForLeadWho(status, registration -> registration.edit(registration.id(),
                Delegates.withPhone(registration.lead().profile(), "+523398765432"), KEYS, "delegate", LATER));
    }

    // Erasure

    @Test
    void erasureRemovesPersonalDataAndKeepsOnlyWhatIsNotPersonal() {
        Registration registration = holdingPlaces(Submissions.mayorWithStaff(1));
        UUID staff = registration.members().get(1).delegateId();
        DelegateProfile before = registration.member(staff).profile();
        registration.reject(staff, "Luis Ramírez is not on the official list", ORGANIZER, minutesLater(2));
        List<HistoryEntry> leadsHistory = historyOf(registration, registration.id());

        registration.erase(staff, ORGANIZER, LATER);

        Member erased = registration.member(staff);
        assertThat(erased.status()).isEqualTo(ERASED);
        assertThat(erased.reason()).isNull();
        assertThat(erased.emailKey()).doesNotContain(Registration.emailKey(before.email()));
        DelegateProfile left = erased.profile();
        assertThat(List.of(left.givenName(), left.familyName()))
                .doesNotContain(before.givenName(), before.familyName());
        assertThat(left.email()).isNull();
        assertThat(left.phone()).isNull();
        assertThat(left.municipality()).isNull();
        assertThat(left.organization()).isNull();
        assertThat(left.position()).isNull();
        assertThat(left.sectors()).isEmpty();
        assertThat(left.axes()).isEmpty();
        assertThat(left.channels()).isEmpty();
        assertThat(List.of(left.role(), left.state(), left.preferredLanguage()))
                .as("what is not personal still counts in the convoy's figures")
                .containsExactly(before.role(), before.state(), before.preferredLanguage());
        assertThat(registration.history()).filteredOn(entry -> entry.delegateId().equals(staff))
                .extracting(HistoryEntry::detail).containsOnlyNulls();
        assertThat(historyOf(registration, registration.id())).as("the rest of the group keeps its history")
                .isEqualTo(leadsHistory);
        assertThat(registration.lead().profile().givenName()).isEqualTo("María");
        assertThat(eventsAbout(registration, staff)).as("nothing sealed with their key waits to go out")
                .containsExactly("DelegateKeyDestroyed", "DelegateErased");
        assertThat(erased.dataKey()).as("their key is destroyed").isNull();
    }

    @ParameterizedTest
    @EnumSource(names = {"SUBMITTED", "WAITLISTED", "APPROVED"})
    void erasingADelegateTakingPartFreesTheirPlace(RegistrationStatus status) {
        Registration registration = leadWho(status);

        registration.erase(registration.id(), ORGANIZER, LATER);

        assertThat(registration.placesNeeded()).containsOnly(entry("STAFF", 1));
        assertThat(registration.releasePending()).isTrue();
    }

    @ParameterizedTest
    @EnumSource(names = {"REJECTED", "WITHDRAWN"})
    void erasingADelegateNoLongerTakingPartFreesNothingMore(RegistrationStatus status) {
        Registration registration = leadWho(status);
        registration.releaseRecorded();

        registration.erase(registration.id(), ORGANIZER, LATER);

        assertThat(registration.lead().status()).isEqualTo(ERASED);
        assertThat(registration.releasePending()).isFalse();
        assertThat(registration.placesNeeded()).containsOnly(entry("STAFF", 1));
    }

    @Test
    void erasingTwiceIsOneErasure() {
        Registration registration = leadWho(ERASED);
        Snapshot erased = Snapshot.of(registration);

        registration.erase(registration.id(), ORGANIZER, LATER);

        assertThat(Snapshot.of(registration)).isEqualTo(erased);
    }

    // Links

    @Test
    void aLinkAskedForAgainIsIssuedToThatDelegateOnlyAndReplacesTheirEarlierOne() {
        Registration registration = holdingPlaces(Submissions.mayorWithStaff(1));
        UUID staff = registration.members().get(1).delegateId();
        Snapshot before = Snapshot.of(registration);
        Registration.IssuedLink fresh = new Registration.IssuedLink("fresh-nonce",
                new Member.LinkCode("fresh-hash", LATER.plusSeconds(3600)));

        registration.linkReissued(staff, fresh, LATER);

        assertThat(registration.pendingEvents()).hasSize(before.events().size() + 1);
        RegistrationLinkIssued issued = lastEvent(registration, RegistrationLinkIssued.class);
        assertThat(issued.delegateId()).isEqualTo(staff);
        assertThat(issued.reason()).isEqualTo(RegistrationLinkIssued.REQUESTED);
        assertThat(issued.linkNonce()).isEqualTo(fresh.nonce());
        assertThat(issued.expiresAt()).isEqualTo(fresh.code().expiresAt());
        assertThat(registration.history()).last().extracting(HistoryEntry::change).isEqualTo("LINK_SENT");
        assertThat(registration.member(staff).linkCode()).isEqualTo(fresh.code());
        assertThat(registration.member(staff).opensWith("hash-" + staff, LATER)).as("the earlier link").isFalse();
        assertThat(registration.members().get(0)).isEqualTo(before.members().get(0));
    }

    @Test
    void anOpenedLinkIsUsedUpAndAnExpiredOrUnknownOneOpensNothing() {
        Registration registration = holdingPlaces(Submissions.mayorWithStaff(0));
        UUID mayor = registration.lead().delegateId();
        String hash = "hash-" + mayor;

        assertThatThrownBy(() -> registration.linkOpened(mayor, "another-hash", LATER))
                .isInstanceOf(LinkNotValidException.class);
        assertThatThrownBy(() -> registration.linkOpened(mayor, hash, LATER.plus(Duration.ofDays(8))))
                .as("expired").isInstanceOf(LinkNotValidException.class);
        registration.linkOpened(mayor, hash, LATER);
        assertThatThrownBy(() -> registration.linkOpened(mayor, hash, LATER)).as("used up")
                .isInstanceOf(LinkNotValidException.class);
        assertThat(registration.member(mayor).linkCode()).isNull();
        assertThat(registration.history()).last().extracting(HistoryEntry::change).isEqualTo("LINK_OPENED");
    }

    // Strangers and places

    @Test
    void nothingCanBeDoneToSomeoneOutsideTheGroup() {
        Registration registration = holdingPlaces(Submissions.mayorWithStaff(1));
        UUID stranger = UUID.randomUUID();
        List<Consumer<Registration>> commands = List.of(
                r -> r.approve(stranger, ORGANIZER, LATER),
                r -> r.reject(stranger, "Unknown", ORGANIZER, LATER),
                r -> r.withdraw(stranger, "delegate", LATER),
                r -> r.edit(stranger, Delegates.mayor(), KEYS, "delegate", LATER),
                r -> r.erase(stranger, ORGANIZER, LATER),
                r -> r.linkReissued(stranger, LINKS.apply(stranger), LATER));

        for (Consumer<Registration> command : commands) {
            assertRefused(registration, command);
        }
    }

    @Test
    void placesNeededCountOnlyTheMembersStillTakingPart() {
        Registration registration = holdingPlaces(Submissions.received(Delegates.mayor(), Delegates.staff(),
                Delegates.staff(), Delegates.businessDelegate(), Delegates.stateRepresentative()));
        List<Member> members = registration.members();

        registration.approve(members.get(0).delegateId(), ORGANIZER, LATER);
        registration.reject(members.get(1).delegateId(), "Agenda complete", ORGANIZER, LATER);
        registration.withdraw(members.get(3).delegateId(), "delegate", LATER);
        registration.erase(members.get(4).delegateId(), ORGANIZER, LATER);

        assertThat(registration.placesNeeded()).containsOnly(entry("MAYOR", 1), entry("STAFF", 1));
    }

    private static void assertRefusedForLeadWho(RegistrationStatus status, Consumer<Registration> command) {
        Registration registration = leadWho(status);
        assertThat(registration.lead().status()).isEqualTo(status);
        assertRefused(registration, command);
    }

    private static void assertRefused(Registration registration, Consumer<Registration> command) {
        Snapshot before = Snapshot.of(registration);

        assertThatThrownBy(() -> command.accept(registration)).isInstanceOf(RegistrationRefusedException.class);

        assertThat(Snapshot.of(registration)).as("a refused change leaves the registration as it was")
                .isEqualTo(before);
    }

    private static List<HistoryEntry> historyOf(Registration registration, UUID delegateId) {
        return registration.history().stream().filter(entry -> entry.delegateId().equals(delegateId)).toList();
    }

    private static List<String> eventsOf(Snapshot snapshot, UUID delegateId) {
        return snapshot.events().stream().filter(event -> event.key().equals(delegateId.toString()))
                .map(OutboxEntry::type).toList();
    }

    private static DelegateRegistered registeredEvent(Registration registration, UUID delegateId) {
        return eventAbout(registration, delegateId, DelegateRegistered.class);
    }

    private static RegistrationLinkIssued linkEvent(Registration registration, UUID delegateId) {
        return eventAbout(registration, delegateId, RegistrationLinkIssued.class);
    }

    private static <T extends ConvoyEvent> T eventAbout(Registration registration, UUID delegateId,
            Class<T> type) {
        return registration.pendingEvents().stream()
                .filter(event -> event.key().equals(delegateId.toString()) && event.type().equals(type.getSimpleName()))
                .map(event -> EVENTS.read(event.payload(), type)).reduce((first, second) -> second).orElseThrow();
    }

    private static <T extends ConvoyEvent> T lastEvent(Registration registration, Class<T> type) {
        List<OutboxEntry> events = registration.pendingEvents();
        OutboxEntry last = events.get(events.size() - 1);
        assertThat(last.type()).isEqualTo(type.getSimpleName());
        return EVENTS.read(last.payload(), type);
    }
}
