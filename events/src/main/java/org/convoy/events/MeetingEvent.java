package org.convoy.events;

import java.util.UUID;

/**
 * Events of the meeting stream, published on {@link Topics#MEETINGS} keyed by meeting id.
 * {@link #sequence()} grows with every change of a meeting, so calendar invites update in place.
 */
public sealed interface MeetingEvent extends ConvoyEvent
        permits MeetingConfirmed, MeetingRescheduled, MeetingCancelled {

    UUID meetingId();

    String convoyId();

    int sequence();

    @Override
    default String aggregateId() {
        return meetingId().toString();
    }
}
