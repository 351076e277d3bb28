package org.convoy.registration.delegate.web;

import java.time.Instant;
import java.util.UUID;

import org.convoy.registration.delegate.domain.Delegate;

/** What the service answers to a registration: no personal data beyond what the client just sent. */
record RegistrationResponse(UUID id, String convoyId, String status, Instant submittedAt) {

    static RegistrationResponse of(Delegate delegate) {
        return new RegistrationResponse(delegate.id(), delegate.convoyId(), delegate.status().name(),
                delegate.submittedAt());
    }
}
