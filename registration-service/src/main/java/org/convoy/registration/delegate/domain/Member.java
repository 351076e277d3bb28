package org.convoy.registration.delegate.domain;

import java.time.Instant;
import java.util.UUID;

import org.convoy.events.DelegateProfile;
import org.springframework.data.annotation.PersistenceCreator;

/**
 * One delegate of a registration: the lead, or a companion registered with them.
 *
 * @param linkCode the one-time code of the personal link last sent to them, by its hash; {@code null} once used
 * @param dataKey  the key that seals their profile in events, wrapped ({@link org.convoy.events.DelegateDataKeys});
 *                 made when their first event is, destroyed when they are erased
 */
public record Member(UUID delegateId, boolean lead, String emailKey, DelegateProfile profile,
        RegistrationStatus status, String reason, LinkCode linkCode, String dataKey) {

    @PersistenceCreator
    public Member {
    }

    public Member(UUID delegateId, boolean lead, String emailKey, DelegateProfile profile, RegistrationStatus status,
            String reason) {
        this(delegateId, lead, emailKey, profile, status, reason, null, null);
    }

    Member withStatus(RegistrationStatus newStatus, String newReason) {
        return new Member(delegateId, lead, emailKey, profile, newStatus, newReason, linkCode, dataKey);
    }

    Member withLinkCode(LinkCode code) {
        return new Member(delegateId, lead, emailKey, profile, status, reason, code, dataKey);
    }

    Member withDataKey(String key) {
        return new Member(delegateId, lead, emailKey, profile, status, reason, linkCode, key);
    }

    /** Whether this code, by its hash, opens the member's registration now. */
    public boolean opensWith(String codeHash, Instant now) {
        return linkCode != null && linkCode.hash().equals(codeHash) && linkCode.expiresAt().isAfter(now);
    }

    /** @param hash the SHA-256 of the code; the code itself is kept nowhere */
    public record LinkCode(String hash, Instant expiresAt) {
    }
}
