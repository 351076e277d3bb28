package org.convoy.registration.delegate;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;

import org.convoy.events.DelegateDataKeys;
import org.convoy.events.DelegateProfile;
import org.convoy.registration.delegate.domain.AlreadyRegisteredException;
import org.convoy.registration.delegate.domain.DelegateNotFoundException;
import org.convoy.registration.delegate.domain.LinkNotValidException;
import org.convoy.registration.delegate.domain.Member;
import org.convoy.registration.delegate.domain.PrivacyConsent;
import org.convoy.registration.delegate.domain.Registration;
import org.convoy.registration.delegate.domain.RegistrationRefusedException;
import org.convoy.registration.delegate.domain.RegistrationRepository;
import org.convoy.registration.delegate.domain.RegistrationStatus;
import org.convoy.registration.convoy.ConvoyCatalog;
import org.convoy.registration.convoy.PlacesGrew;
import org.convoy.registration.convoy.PlacesLedger;
import org.convoy.registration.convoy.UnknownConvoyException;
import org.convoy.registration.convoy.domain.Convoy;
import org.convoy.support.links.LinkCodes;
import org.convoy.support.store.OptimisticWrites;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;

/**
 * The registration lifecycle. Each step is one document write (the registration group, or the convoy's places
 * ledger) and is safe to repeat, so a crash between steps leaves work that {@link #settle()} finishes.
 */
@Service
public class Registrations {

    private static final Logger log = LoggerFactory.getLogger(Registrations.class);

    private final RegistrationRepository registrations;
    private final PlacesLedger places;
    private final ConvoyCatalog convoys;
    private final SelfServiceLinks links;
    private final OptimisticWrites writes;
    private final DelegateDataKeys dataKeys;
    private final RegistrationProperties properties;
    private final Clock clock;

    Registrations(RegistrationRepository registrations, PlacesLedger places, ConvoyCatalog convoys,
            SelfServiceLinks links, OptimisticWrites writes, DelegateDataKeys dataKeys, RegistrationProperties properties,
            Clock clock) {
        this.registrations = registrations;
        this.places = places;
        this.convoys = convoys;
        this.links = links;
        this.writes = writes;
        this.dataKeys = dataKeys;
        this.properties = properties;
        this.clock = clock;
    }

    /** What a submission produced, and whether it is the replay of an earlier one with the same idempotency key. */
    public record Submitted(Registration registration, boolean replayed) {
    }

    public Submitted submit(String convoyId, DelegateProfile lead, List<DelegateProfile> companions,
            String idempotencyKey, String fingerprint) {
        convoys.requireRegistering(convoyId);
        if (idempotencyKey != null) {
            Optional<Registration> earlier = registrations.findByIdempotencyKey(idempotencyKey);
            if (earlier.isPresent()) {
                return replay(earlier.get(), fingerprint);
            }
        }
        var now = clock.instant();
        Registration registration = Registration.receive(convoyId, lead, companions,
                new PrivacyConsent(properties.privacyPolicyVersion(), now), now, idempotencyKey, fingerprint);
        try {
            registrations.insert(registration);
        } catch (DuplicateKeyException e) {
            if (idempotencyKey != null) {
                Optional<Registration> raced = registrations.findByIdempotencyKey(idempotencyKey);
                if (raced.isPresent()) {
                    return replay(raced.get(), fingerprint);
                }
            }
            throw new AlreadyRegisteredException();
        }
        log.atInfo().addKeyValue("delegateId", registration.id()).addKeyValue("convoyId", convoyId)
                .addKeyValue("companions", companions.size()).log("Registration received");
        return new Submitted(decidePlaces(registration.id()), false);
    }

    private Submitted replay(Registration earlier, String fingerprint) {
        if (!earlier.requestFingerprint().equals(fingerprint)) {
            throw new IdempotencyKeyReusedException();
        }
        return new Submitted(decidePlaces(earlier.id()), true);
    }

    /** Step 2 and 3 of a submission: the ledger decides, then the group records the decision and its events. */
    private Registration decidePlaces(UUID registrationId) {
        Registration registration = load(registrationId);
        if (registration.placeState() != Registration.PlaceState.DECIDING) {
            return registration;
        }
        Convoy.PlaceDecision decision = places.allocate(registration.convoyId(), registration.id(),
                registration.placesNeeded());
        Registration decided = change(registrationId,
                r -> r.placeDecided(decision == Convoy.PlaceDecision.HELD, links::issue, dataKeys, clock.instant()));
        deliverPromotions(decided.convoyId());
        return decided;
    }

    public Registration approve(UUID delegateId, String by) {
        return change(registrationOf(delegateId).id(), r -> r.approve(delegateId, by, clock.instant()));
    }

    public Registration reject(UUID delegateId, String reason, String by) {
        Registration rejected = change(registrationOf(delegateId).id(), r -> r.reject(delegateId, reason, by, clock.instant()));
        return releasePlaces(rejected.id());
    }

    public Registration withdraw(UUID delegateId, String by) {
        Registration withdrawn = change(registrationOf(delegateId).id(), r -> r.withdraw(delegateId, by, clock.instant()));
        return releasePlaces(withdrawn.id());
    }

    public Registration edit(UUID delegateId, UnaryOperator<DelegateProfile> change, String by) {
        return change(registrationOf(delegateId).id(),
                r -> r.edit(delegateId, change.apply(r.member(delegateId).profile()), dataKeys, by, clock.instant()));
    }

    public Registration erase(UUID delegateId, String by) {
        Registration erased = change(registrationOf(delegateId).id(), r -> r.erase(delegateId, by, clock.instant()));
        return releasePlaces(erased.id());
    }

    /**
     * Erases every delegate of a convoy whose retention date has passed.
     *
     * @return how many delegates were erased
     */
    public int eraseConvoy(String convoyId, String by) {
        LocalDate retainUntil = convoys.retainUntil(convoyId);
        LocalDate today = clock.instant().atZone(ZoneOffset.UTC).toLocalDate();
        if (!today.isAfter(retainUntil)) {
            throw new RetentionNotOverException(convoyId, retainUntil);
        }
        int erased = 0;
        for (Registration registration : registrations.findByConvoyId(convoyId)) {
            for (var member : registration.members()) {
                if (member.status() != RegistrationStatus.ERASED) {
                    erase(member.delegateId(), by);
                    erased++;
                }
            }
        }
        log.atInfo().addKeyValue("convoyId", convoyId).addKeyValue("count", erased).log("Convoy's delegates erased");
        return erased;
    }

    /** Sends a fresh personal link to the address if it is registered for the convoy; says nothing either way. */
    public void requestLink(String convoyId, String email) {
        registrations.findByConvoyIdAndMembersEmailKey(convoyId, Registration.emailKey(email)).ifPresent(found -> {
            UUID delegateId = found.members().stream()
                    .filter(member -> member.emailKey().equals(Registration.emailKey(email)))
                    .findFirst().orElseThrow().delegateId();
            change(found.id(), r -> r.linkReissued(delegateId, links.issue(delegateId), clock.instant()));
        });
    }

    /** A delegate as organizers see them, in the group they registered with. */
    public record Listed(Registration registration, Member member) {
    }

    /** One delegate as organizers see them; an erased one is as unknown as one that never existed. */
    public Listed listed(UUID delegateId) {
        Registration registration = registrationOf(delegateId);
        Member member = registration.member(delegateId);
        if (member.status() == RegistrationStatus.ERASED) {
            throw new DelegateNotFoundException(delegateId);
        }
        return new Listed(registration, member);
    }

    /**
     * A delegate opened her personal link: its one-time code is used up and she gets a session.
     *
     * @throws LinkNotValidException when no current, unused link has this code
     */
    public SelfServiceLinks.Session openLink(String code) {
        String hash = LinkCodes.hash(code);
        Registration registration = registrations.findByMembersLinkCodeHash(hash)
                .orElseThrow(LinkNotValidException::new);
        UUID delegateId = registration.members().stream()
                .filter(member -> member.linkCode() != null && member.linkCode().hash().equals(hash))
                .findFirst().orElseThrow(LinkNotValidException::new).delegateId();
        change(registration.id(), r -> r.linkOpened(delegateId, hash, clock.instant()));
        log.atInfo().addKeyValue("delegateId", delegateId).log("Personal link opened");
        return links.session(delegateId);
    }

    public Registration registrationOf(UUID delegateId) {
        return registrations.findByMembersDelegateId(delegateId)
                .orElseThrow(() -> new DelegateNotFoundException(delegateId));
    }

    /** The convoy's name by language, as delegates read it; empty while the convoy stream has not told of it. */
    public Map<String, String> convoyNames(String convoyId) {
        try {
            Map<String, String> names = convoys.get(convoyId).details().names();
            return names == null ? Map.of() : names;
        } catch (UnknownConvoyException e) {
            return Map.of();
        }
    }

    public Optional<Registration> findRegistrationOf(UUID delegateId) {
        return registrations.findByMembersDelegateId(delegateId);
    }

    /** Hands freed places to the waitlist, then tells the promoted groups. */
    private Registration releasePlaces(UUID registrationId) {
        Registration registration = load(registrationId);
        if (!registration.releasePending()) {
            return registration;
        }
        if (registration.placeState() != Registration.PlaceState.DECIDING) {
            places.release(registration.convoyId(), registration.id(), registration.placesNeeded());
        }
        Registration released = change(registrationId, Registration::releaseRecorded);
        deliverPromotions(released.convoyId());
        return load(registrationId);
    }

    /** The convoy got more places: the groups that moved in are told now. */
    @EventListener
    void placesGrew(PlacesGrew grew) {
        deliverPromotions(grew.convoyId());
    }

    private void deliverPromotions(String convoyId) {
        for (UUID promoted : places.pendingPromotions(convoyId)) {
            if (registrations.existsById(promoted)) {
                change(promoted, r -> r.promoted(clock.instant()));
                log.atInfo().addKeyValue("delegateId", promoted).addKeyValue("convoyId", convoyId)
                        .log("Group promoted from the waitlist");
            }
            places.promotionDelivered(convoyId, promoted);
        }
    }

    /**
     * Finishes what a crash or a lost race left undone: undecided submissions, unreleased places, untold
     * promotions. Runs on a schedule; every step it repeats is idempotent.
     */
    public int settle() {
        int settled = 0;
        for (Registration undecided : registrations.findByPlaceStateAndSubmittedAtBefore(
                Registration.PlaceState.DECIDING, clock.instant().minus(properties.settleAfter()))) {
            decidePlaces(undecided.id());
            settled++;
        }
        for (Registration pending : registrations.findByReleasePendingTrue()) {
            releasePlaces(pending.id());
            settled++;
        }
        for (String convoyId : places.convoysWithPendingPromotions()) {
            deliverPromotions(convoyId);
            settled++;
        }
        return settled;
    }

    private Registration change(UUID registrationId, Consumer<Registration> change) {
        return writes.change(() -> load(registrationId), registration -> {
            change.accept(registration);
            return registration;
        }, registrations::save);
    }

    private Registration load(UUID registrationId) {
        return registrations.findById(registrationId)
                .orElseThrow(() -> new RegistrationRefusedException(registrationId, "No registration " + registrationId));
    }

    /** Organizer decisions on many delegates at once; each one succeeds or fails on its own. */
    public List<Outcome> decideAll(List<UUID> delegateIds, Consumer<UUID> decision) {
        List<Outcome> outcomes = new ArrayList<>();
        for (UUID delegateId : delegateIds) {
            try {
                decision.accept(delegateId);
                outcomes.add(new Outcome(delegateId, "DONE", null));
            } catch (RegistrationRefusedException e) {
                outcomes.add(new Outcome(delegateId, "REFUSED", e.getMessage()));
            } catch (DelegateNotFoundException e) {
                outcomes.add(new Outcome(delegateId, "NOT_FOUND", e.getMessage()));
            }
        }
        return outcomes;
    }

    public record Outcome(UUID delegateId, String result, String reason) {
    }
}
