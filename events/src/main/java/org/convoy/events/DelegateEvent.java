package org.convoy.events;

import java.util.UUID;

/** Events of the delegate stream, published on {@link Topics#DELEGATES} keyed by delegate id. */
public sealed interface DelegateEvent extends ConvoyEvent
        permits DelegateRegistered, DelegateUpdated, DelegateApproved, DelegateRejected, DelegateWithdrawn,
        DelegateLinkOpened,
        DelegateErased, DelegateWaitlisted, DelegatePromoted, RegistrationLinkIssued {

    UUID delegateId();

    String convoyId();

    @Override
    default String aggregateId() {
        return delegateId().toString();
    }
}
