package org.convoy.registration.delegate.domain;

/** Where one delegate's registration stands. */
public enum RegistrationStatus {
    /** Received; whether a place is held or the group waits is being decided. */
    RECEIVED,
    /** A place is held; an organizer's decision is awaited. */
    SUBMITTED,
    WAITLISTED,
    APPROVED,
    REJECTED,
    WITHDRAWN,
    /** Personal data removed; only the fact that someone registered remains. */
    ERASED;

    /** Still taking part (or hoping to): counts against the convoy's places. */
    public boolean active() {
        return this == RECEIVED || this == SUBMITTED || this == WAITLISTED || this == APPROVED;
    }
}
