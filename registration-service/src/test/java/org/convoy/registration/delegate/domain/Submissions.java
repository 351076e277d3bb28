package org.convoy.registration.delegate.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;

import org.convoy.events.DelegateDataKeys;
import org.convoy.events.DelegateProfile;
import org.convoy.registration.delegate.domain.Registration.IssuedLink;
import org.convoy.support.outbox.OutboxEntry;
import org.convoy.support.test.TestSecrets;

/** Object Mother for registrations: a group submitted together, taken to the stage a test needs. */
final class Submissions {

    static final String CONVOY = "california-2026";
    static final Instant SUBMITTED_AT = Instant.parse("2026-03-02T09:00:00Z");
    static final String ORGANIZER = "organizer:lucia";

    /** The personal links the platform would issue: one per delegate, valid for seven days. */
    /** Real keys under the test secret: events seal profiles as they do in the service. */
    static final DelegateDataKeys KEYS = new DelegateDataKeys(TestSecrets.DELEGATE_DATA);

    static final Function<UUID, IssuedLink> LINKS = delegateId -> new IssuedLink("nonce-" + delegateId,
            new Member.LinkCode("hash-" + delegateId, SUBMITTED_AT.plus(Duration.ofDays(7))));

    private Submissions() {
    }

    /** A submission just received: its places are not decided yet. */
    static Registration received(DelegateProfile lead, DelegateProfile... companions) {
        return Registration.receive(CONVOY, lead, List.of(companions),
                new PrivacyConsent("2026-01", SUBMITTED_AT), SUBMITTED_AT, null, "fingerprint");
    }

    /** A mayor registering with {@code staff} members of staff, just received. */
    static Registration mayorWithStaff(int staff) {
        DelegateProfile[] companions = new DelegateProfile[staff];
        for (int i = 0; i < staff; i++) {
            companions[i] = Delegates.staff();
        }
        return received(Delegates.mayor(), companions);
    }

    /** The registration after the convoy held places for the whole group. */
    static Registration holdingPlaces(Registration registration) {
        registration.placeDecided(true, LINKS, KEYS, minutesLater(1));
        return registration;
    }

    /** The registration after the convoy put the whole group on its waitlist. */
    static Registration waiting(Registration registration) {
        registration.placeDecided(false, LINKS, KEYS, minutesLater(1));
        return registration;
    }

    /** A mayor with one member of staff, where the mayor's registration stands at {@code status}. */
    static Registration leadWho(RegistrationStatus status) {
        Registration registration = mayorWithStaff(1);
        UUID lead = registration.id();
        switch (status) {
            case RECEIVED -> {
            }
            case SUBMITTED -> holdingPlaces(registration);
            case WAITLISTED -> waiting(registration);
            case APPROVED -> holdingPlaces(registration).approve(lead, ORGANIZER, minutesLater(2));
            case REJECTED -> holdingPlaces(registration).reject(lead, "Agenda complete", ORGANIZER, minutesLater(2));
            case WITHDRAWN -> holdingPlaces(registration).withdraw(lead, "delegate", minutesLater(2));
            case ERASED -> holdingPlaces(registration).erase(lead, ORGANIZER, minutesLater(2));
        }
        return registration;
    }

    static Instant minutesLater(int minutes) {
        return SUBMITTED_AT.plus(Duration.ofMinutes(minutes));
    }

    /** The types of the events recorded about one delegate, in order. */
    static List<String> eventsAbout(Registration registration, UUID delegateId) {
        return registration.pendingEvents().stream().filter(event -> event.key().equals(delegateId.toString()))
                .map(OutboxEntry::type).toList();
    }

    /** Everything a change to a registration could touch. */
    record Snapshot(List<Member> members, Registration.PlaceState placeState, boolean releasePending,
            List<HistoryEntry> history, List<OutboxEntry> events) {

        static Snapshot of(Registration registration) {
            return new Snapshot(registration.members(), registration.placeState(), registration.releasePending(),
                    registration.history(), registration.pendingEvents());
        }
    }
}
