package org.convoy.registration.delegate.domain;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.convoy.events.DelegateProfile;
import org.convoy.events.DelegateRegistered;
import org.convoy.support.outbox.OutboxEntry;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A delegate's registration for one convoy edition. Every change records the events it causes in
 * {@link #outbox}, written in the same document write as the change itself.
 */
@Document(Delegate.COLLECTION)
public class Delegate {

    public static final String COLLECTION = "delegates";

    @Id
    private final UUID id;
    private final String convoyId;
    private final String emailKey;
    private DelegateProfile profile;
    private RegistrationStatus status;
    private final PrivacyConsent privacyConsent;
    private final Instant submittedAt;
    @Version
    private Long version;
    private final List<OutboxEntry> outbox;

    @PersistenceCreator
    Delegate(UUID id, String convoyId, String emailKey, DelegateProfile profile, RegistrationStatus status,
            PrivacyConsent privacyConsent, Instant submittedAt, Long version, List<OutboxEntry> outbox) {
        this.id = id;
        this.convoyId = convoyId;
        this.emailKey = emailKey;
        this.profile = profile;
        this.status = status;
        this.privacyConsent = privacyConsent;
        this.submittedAt = submittedAt;
        this.version = version;
        this.outbox = outbox == null ? new ArrayList<>() : new ArrayList<>(outbox);
    }

    /** A new registration, submitted and awaiting an organizer's decision; records {@link DelegateRegistered}. */
    public static Delegate register(String convoyId, DelegateProfile profile, PrivacyConsent consent, Instant now) {
        UUID id = UUID.randomUUID();
        Delegate delegate = new Delegate(id, convoyId, emailKey(profile.email()), profile, RegistrationStatus.SUBMITTED,
                consent, now, null, List.of());
        delegate.outbox.add(OutboxEntry.of(
                new DelegateRegistered(UUID.randomUUID(), now, DelegateRegistered.SCHEMA_VERSION, id, convoyId, profile)));
        return delegate;
    }

    /** The form of an email address under which duplicates within a convoy are detected. */
    public static String emailKey(String email) {
        return email.strip().toLowerCase(java.util.Locale.ROOT);
    }

    public UUID id() {
        return id;
    }

    public String convoyId() {
        return convoyId;
    }

    public DelegateProfile profile() {
        return profile;
    }

    public RegistrationStatus status() {
        return status;
    }

    public PrivacyConsent privacyConsent() {
        return privacyConsent;
    }

    public Instant submittedAt() {
        return submittedAt;
    }

    public List<OutboxEntry> pendingEvents() {
        return List.copyOf(outbox);
    }
}
