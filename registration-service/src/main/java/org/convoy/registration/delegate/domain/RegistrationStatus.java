package org.convoy.registration.delegate.domain;

public enum RegistrationStatus {
    SUBMITTED, APPROVED, REJECTED, WAITLISTED, WITHDRAWN
}
