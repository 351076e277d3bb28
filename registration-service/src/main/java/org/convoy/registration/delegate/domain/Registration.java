package org.convoy.registration.delegate.domain;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

import org.convoy.events.ConvoyEvent;
import org.convoy.events.DelegateApproved;
import org.convoy.events.DelegateDataKeys;
import org.convoy.events.DelegateKeyDestroyed;
import org.convoy.events.DelegateKeyShared;
import org.convoy.events.DelegateLinkOpened;
import org.convoy.events.DelegateProfile;
import org.convoy.events.DelegatePromoted;
import org.convoy.events.DelegateRegistered;
import org.convoy.events.DelegateRejected;
import org.convoy.events.DelegateUpdated;
import org.convoy.events.DelegateWaitlisted;
import org.convoy.events.DelegateWithdrawn;
import org.convoy.events.RegistrationLinkIssued;
import org.convoy.support.outbox.OutboxEntry;
import org.convoy.support.outbox.Outboxed;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * One submission for one convoy: a lead delegate and the companions registered with them (a mayor and
 * staff). The group is one document, so a change to several of its members, the history of that change and the
 * events it causes are all written in one document write.
 */
@Document(Registration.COLLECTION)
public class Registration implements Outboxed {

    public static final String COLLECTION = "registrations";

    @Id
    private final UUID id;
    private final String convoyId;
    private final List<Member> members;
    private PlaceState placeState;
    private boolean releasePending;
    private final PrivacyConsent privacyConsent;
    private final Instant submittedAt;
    private final String idempotencyKey;
    private final String requestFingerprint;
    private final List<HistoryEntry> history;
    private final List<OutboxEntry> outbox;
    @Version
    private Long version;

    @PersistenceCreator
    Registration(UUID id, String convoyId, List<Member> members, PlaceState placeState, boolean releasePending,
            PrivacyConsent privacyConsent, Instant submittedAt, String idempotencyKey, String requestFingerprint,
            List<HistoryEntry> history, List<OutboxEntry> outbox, Long version) {
        this.id = id;
        this.convoyId = convoyId;
        this.members = new ArrayList<>(members);
        this.placeState = placeState;
        this.releasePending = releasePending;
        this.privacyConsent = privacyConsent;
        this.submittedAt = submittedAt;
        this.idempotencyKey = idempotencyKey;
        this.requestFingerprint = requestFingerprint;
        this.history = history == null ? new ArrayList<>() : new ArrayList<>(history);
        this.outbox = outbox == null ? new ArrayList<>() : new ArrayList<>(outbox);
        this.version = version;
    }

    /**
     * A new submission: the lead and companions are received; no event yet, as whether they hold places or wait
     * is decided next ({@link #placeDecided}).
     */
    public static Registration receive(String convoyId, DelegateProfile lead, List<DelegateProfile> companions,
            PrivacyConsent consent, Instant now, String idempotencyKey, String requestFingerprint) {
        UUID leadId = UUID.randomUUID();
        List<Member> members = new ArrayList<>();
        members.add(new Member(leadId, true, emailKey(lead.email()), lead, RegistrationStatus.RECEIVED, null));
        companions.forEach(companion -> members.add(new Member(UUID.randomUUID(), false, emailKey(companion.email()),
                companion, RegistrationStatus.RECEIVED, null)));
        Registration registration = new Registration(leadId, convoyId, members, PlaceState.DECIDING, false, consent, now,
                idempotencyKey, requestFingerprint, List.of(), List.of(), null);
        members.forEach(member -> registration.record(now, member.delegateId(), "RECEIVED", "delegate",
                member.lead() ? null : "companion of " + leadId));
        return registration;
    }

    /** The form of an email address under which duplicates within a convoy are detected. */
    public static String emailKey(String email) {
        return email.strip().toLowerCase(Locale.ROOT);
    }

    /**
     * Applies the decision about places: members become SUBMITTED (places held) or WAITLISTED (the whole group
     * waits). Records {@code DelegateRegistered} for every member, {@code DelegateWaitlisted} when waiting, and each
     * member's personal link; each member's profile travels sealed with a key of their own, shared first
     * ({@code DelegateKeyShared}). A member erased before the decision stays erased and is told nothing. Does nothing
     * when already decided.
     */
    public boolean placeDecided(boolean held, Function<UUID, IssuedLink> links, DelegateDataKeys keys, Instant now) {
        if (placeState != PlaceState.DECIDING) {
            return false;
        }
        placeState = held ? PlaceState.HELD : PlaceState.WAITLISTED;
        RegistrationStatus status = held ? RegistrationStatus.SUBMITTED : RegistrationStatus.WAITLISTED;
        for (Member member : List.copyOf(members)) {
            if (member.status() != RegistrationStatus.RECEIVED) {
                continue;
            }
            replace(member.withStatus(status, null));
            String sealed = keys.seal(member.delegateId(), dataKey(member.delegateId(), keys, now), member.profile());
            event(new DelegateRegistered(UUID.randomUUID(), now, DelegateRegistered.SCHEMA_VERSION, member.delegateId(),
                    convoyId, id, null, sealed));
            if (!held) {
                event(new DelegateWaitlisted(UUID.randomUUID(), now, DelegateWaitlisted.SCHEMA_VERSION,
                        member.delegateId(), convoyId, id));
            }
            IssuedLink link = links.apply(member.delegateId());
            replace(member(member.delegateId()).withLinkCode(link.code()));
            event(new RegistrationLinkIssued(UUID.randomUUID(), now, RegistrationLinkIssued.SCHEMA_VERSION,
                    member.delegateId(), convoyId, RegistrationLinkIssued.REGISTERED, link.nonce(),
                    link.code().expiresAt()));
            record(now, member.delegateId(), status.name(), "platform", held ? "place held" : "convoy full; group waits");
        }
        return true;
    }

    /** The waiting group moved into the convoy: its waiting members now await approval. */
    public boolean promoted(Instant now) {
        if (placeState != PlaceState.WAITLISTED) {
            return false;
        }
        placeState = PlaceState.HELD;
        for (Member member : List.copyOf(members)) {
            if (member.status() == RegistrationStatus.WAITLISTED) {
                replace(member.withStatus(RegistrationStatus.SUBMITTED, null));
                event(new DelegatePromoted(UUID.randomUUID(), now, DelegatePromoted.SCHEMA_VERSION, member.delegateId(),
                        convoyId, id));
                record(now, member.delegateId(), "PROMOTED", "platform", "a place was freed");
            }
        }
        return true;
    }

    public void approve(UUID delegateId, String by, Instant now) {
        Member member = member(delegateId);
        if (member.status() == RegistrationStatus.APPROVED) {
            return;
        }
        if (member.status() != RegistrationStatus.SUBMITTED) {
            throw new RegistrationRefusedException(delegateId, "Only a submitted registration can be approved; this one is "
                    + member.status());
        }
        replace(member.withStatus(RegistrationStatus.APPROVED, null));
        event(new DelegateApproved(UUID.randomUUID(), now, DelegateApproved.SCHEMA_VERSION, delegateId, convoyId));
        record(now, delegateId, "APPROVED", by, null);
    }

    public void reject(UUID delegateId, String reason, String by, Instant now) {
        Member member = member(delegateId);
        if (member.status() == RegistrationStatus.REJECTED) {
            return;
        }
        if (!member.status().active() || member.status() == RegistrationStatus.RECEIVED) {
            throw new RegistrationRefusedException(delegateId, "A " + member.status() + " registration cannot be rejected");
        }
        replace(member.withStatus(RegistrationStatus.REJECTED, reason));
        releasePending = true;
        event(new DelegateRejected(UUID.randomUUID(), now, DelegateRejected.SCHEMA_VERSION, delegateId, convoyId, reason));
        record(now, delegateId, "REJECTED", by, reason);
    }

    public void withdraw(UUID delegateId, String by, Instant now) {
        Member member = member(delegateId);
        if (member.status() == RegistrationStatus.WITHDRAWN) {
            return;
        }
        if (!member.status().active() || member.status() == RegistrationStatus.RECEIVED) {
            throw new RegistrationRefusedException(delegateId, "A " + member.status() + " registration cannot be withdrawn");
        }
        replace(member.withStatus(RegistrationStatus.WITHDRAWN, null));
        releasePending = true;
        event(new DelegateWithdrawn(UUID.randomUUID(), now, DelegateWithdrawn.SCHEMA_VERSION, delegateId, convoyId));
        record(now, delegateId, "WITHDRAWN", by, null);
    }

    /**
     * The delegate changed their details. A new organization or position sends an approved delegate back to
     * review. Records {@code DelegateUpdated} with the whole new profile; does nothing when nothing changed.
     */
    public boolean edit(UUID delegateId, DelegateProfile changed, DelegateDataKeys keys, String by, Instant now) {
        Member member = member(delegateId);
        if (!member.status().active() || member.status() == RegistrationStatus.RECEIVED) {
            throw new RegistrationRefusedException(delegateId, "A " + member.status() + " registration cannot be changed");
        }
        if (changed.equals(member.profile())) {
            return false;
        }
        DelegateProfile before = member.profile();
        boolean matters = !java.util.Objects.equals(before.organization(), changed.organization())
                || !java.util.Objects.equals(before.position(), changed.position());
        boolean backToReview = matters && member.status() == RegistrationStatus.APPROVED;
        RegistrationStatus status = backToReview ? RegistrationStatus.SUBMITTED : member.status();
        replace(new Member(delegateId, member.lead(), member.emailKey(), changed, status, member.reason(),
                member.linkCode(), member.dataKey()));
        String sealed = keys.seal(delegateId, dataKey(delegateId, keys, now), changed);
        event(new DelegateUpdated(UUID.randomUUID(), now, DelegateUpdated.SCHEMA_VERSION, delegateId, convoyId, null,
                sealed, backToReview));
        record(now, delegateId, backToReview ? "UPDATED_BACK_TO_REVIEW" : "UPDATED", by, changedFields(before, changed));
        return true;
    }

    /**
     * Removes the delegate's personal data: names, contacts and free-text reasons. Their place, if any, is freed.
     * Their data key is destroyed ({@code DelegateKeyDestroyed}), so what was sealed with it, on the broker included,
     * can no longer be read, and {@code DelegateErased} makes every other service forget them too.
     */
    public void erase(UUID delegateId, String by, Instant now) {
        Member member = member(delegateId);
        if (member.status() == RegistrationStatus.ERASED) {
            return;
        }
        boolean held = member.status().active() && member.status() != RegistrationStatus.RECEIVED;
        DelegateProfile erased = new DelegateProfile("—", "—", null, null, member.profile().preferredLanguage(),
                member.profile().role(), member.profile().state(), null, null, null, List.of(), List.of(),
                java.util.Set.of());
        replace(new Member(delegateId, member.lead(), "erased:" + delegateId, erased, RegistrationStatus.ERASED, null,
                null, null));
        history.replaceAll(entry -> entry.delegateId().equals(delegateId)
                ? new HistoryEntry(entry.at(), delegateId, entry.change(), entry.by(), null) : entry);
        releasePending |= held;
        // Their events not yet sent are about someone who is no more: they need not go out.
        outbox.removeIf(entry -> entry.key().equals(delegateId.toString()));
        event(new DelegateKeyDestroyed(UUID.randomUUID(), now, DelegateKeyDestroyed.SCHEMA_VERSION, delegateId,
                convoyId));
        event(new org.convoy.events.DelegateErased(UUID.randomUUID(), now, org.convoy.events.DelegateErased.SCHEMA_VERSION,
                delegateId, convoyId));
        record(now, delegateId, "ERASED", by, null);
    }

    /** The member's data key, made and shared first if they have none yet (registered before keys existed). */
    private String dataKey(UUID delegateId, DelegateDataKeys keys, Instant now) {
        Member member = member(delegateId);
        if (member.dataKey() != null) {
            return member.dataKey();
        }
        String key = keys.newKey(delegateId);
        replace(member.withDataKey(key));
        event(new DelegateKeyShared(UUID.randomUUID(), now, DelegateKeyShared.SCHEMA_VERSION, delegateId, convoyId, key));
        return key;
    }

    private static String changedFields(DelegateProfile before, DelegateProfile after) {
        List<String> fields = new ArrayList<>();
        compare(fields, "givenName", before.givenName(), after.givenName());
        compare(fields, "familyName", before.familyName(), after.familyName());
        compare(fields, "phone", before.phone(), after.phone());
        compare(fields, "preferredLanguage", before.preferredLanguage(), after.preferredLanguage());
        compare(fields, "municipality", before.municipality(), after.municipality());
        compare(fields, "organization", before.organization(), after.organization());
        compare(fields, "position", before.position(), after.position());
        compare(fields, "sectors", before.sectors(), after.sectors());
        compare(fields, "axes", before.axes(), after.axes());
        compare(fields, "channels", before.channels(), after.channels());
        compare(fields, "shareWithHosts", before.sharesWithHosts(), after.sharesWithHosts());
        return "changed " + String.join(", ", fields);
    }

    private static void compare(List<String> fields, String name, Object before, Object after) {
        if (!java.util.Objects.equals(before, after)) {
            fields.add(name);
        }
    }

    /** A personal link was issued again on request; the one sent before stops working. */
    public void linkReissued(UUID delegateId, IssuedLink link, Instant now) {
        replace(member(delegateId).withLinkCode(link.code()));
        event(new RegistrationLinkIssued(UUID.randomUUID(), now, RegistrationLinkIssued.SCHEMA_VERSION, delegateId,
                convoyId, RegistrationLinkIssued.REQUESTED, link.nonce(), link.code().expiresAt()));
        record(now, delegateId, "LINK_SENT", "delegate", "link requested again");
    }

    /**
     * The delegate opened her personal link: its code is used up, so the link opens nothing again; her registration
     * and mobile number are confirmed as hers ({@link DelegateLinkOpened}), so texts to it may start.
     *
     * @throws LinkNotValidException when the code is not the member's current one, has expired, or was used
     */
    public void linkOpened(UUID delegateId, String codeHash, Instant now) {
        Member member = member(delegateId);
        if (!member.opensWith(codeHash, now) || member.status() == RegistrationStatus.ERASED) {
            throw new LinkNotValidException();
        }
        replace(member.withLinkCode(null));
        event(new DelegateLinkOpened(UUID.randomUUID(), now, DelegateLinkOpened.SCHEMA_VERSION, delegateId, convoyId));
        record(now, delegateId, "LINK_OPENED", "delegate", null);
    }

    /** The places ledger now reflects who still takes part. */
    public void releaseRecorded() {
        releasePending = false;
    }

    /** Places this group still needs, by role: members that still take part. */
    public Map<String, Integer> placesNeeded() {
        Map<String, Integer> counts = new LinkedHashMap<>();
        members.stream().filter(member -> member.status().active())
                .forEach(member -> counts.merge(member.profile().role(), 1, Integer::sum));
        return counts;
    }

    public Member member(UUID delegateId) {
        return findMember(delegateId).orElseThrow(
                () -> new RegistrationRefusedException(delegateId, "No delegate " + delegateId + " in this registration"));
    }

    public Optional<Member> findMember(UUID delegateId) {
        return members.stream().filter(member -> member.delegateId().equals(delegateId)).findFirst();
    }

    private void replace(Member updated) {
        for (int i = 0; i < members.size(); i++) {
            if (members.get(i).delegateId().equals(updated.delegateId())) {
                members.set(i, updated);
                return;
            }
        }
    }

    private void event(ConvoyEvent event) {
        outbox.add(OutboxEntry.of(event));
    }

    private void record(Instant at, UUID delegateId, String change, String by, String detail) {
        history.add(new HistoryEntry(at, delegateId, change, by, detail));
    }

    public UUID id() {
        return id;
    }

    public String convoyId() {
        return convoyId;
    }

    public List<Member> members() {
        return List.copyOf(members);
    }

    public Member lead() {
        return members.get(0);
    }

    public PlaceState placeState() {
        return placeState;
    }

    public boolean releasePending() {
        return releasePending;
    }

    public PrivacyConsent privacyConsent() {
        return privacyConsent;
    }

    public Instant submittedAt() {
        return submittedAt;
    }

    public String requestFingerprint() {
        return requestFingerprint;
    }

    public List<HistoryEntry> history() {
        return List.copyOf(history);
    }

    @Override
    public List<OutboxEntry> pendingEvents() {
        return List.copyOf(outbox);
    }

    /** Whether the group holds places, waits, or is still being decided. */
    public enum PlaceState { DECIDING, HELD, WAITLISTED }

    /**
     * A personal link to this registration: the nonce its email is made from, and its code as kept (by hash, with
     * when it stops working).
     */
    public record IssuedLink(String nonce, Member.LinkCode code) {
    }
}
