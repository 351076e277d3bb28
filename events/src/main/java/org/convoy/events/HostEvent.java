package org.convoy.events;

/**
 * Events of the host stream, published by scheduling on {@link Topics#HOSTS} keyed by host id: who to tell at a host
 * organization, the personal links its contacts are sent, and their answers about visits.
 */
public sealed interface HostEvent extends ConvoyEvent
        permits HostContactsChanged, HostLinkIssued, HostConfirmedVisit, HostProposedAnotherTime {

    /** The host's id in the directory and in every convoy, e.g. {@code netflix}. */
    String hostId();

    @Override
    default String aggregateId() {
        return hostId();
    }
}
