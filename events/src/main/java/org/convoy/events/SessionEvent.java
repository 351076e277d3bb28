package org.convoy.events;

/** Events of organizers' sessions, published by the gateway on {@link Topics#SESSIONS} keyed by user name. */
public sealed interface SessionEvent extends ConvoyEvent permits OrganizerLoggedOut, OrganizerAccessEnded {

    String username();

    @Override
    default String aggregateId() {
        return username();
    }
}
