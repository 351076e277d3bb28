package org.convoy.registration.delegate.domain;

import java.util.UUID;

import org.convoy.events.DelegateProfile;

/** One delegate of a registration: the lead, or a companion registered with them. */
public record Member(UUID delegateId, boolean lead, String emailKey, DelegateProfile profile,
        RegistrationStatus status, String reason) {

    Member withStatus(RegistrationStatus newStatus, String newReason) {
        return new Member(delegateId, lead, emailKey, profile, newStatus, newReason);
    }
}
