package org.convoy.events;

import java.util.UUID;

/**
 * Events of a meeting's attendance, published on the meeting stream ({@link Topics#MEETINGS}) keyed by meeting id,
 * beside the meeting's own events. They do not change the meeting, so they carry no calendar sequence.
 */
public sealed interface AttendanceEvent extends ConvoyEvent permits AttendeeCheckedIn, AttendeeExcused, FeedbackGiven {

    UUID meetingId();

    String convoyId();

    /** The attendee the event is about. */
    UUID delegateId();

    @Override
    default String aggregateId() {
        return meetingId().toString();
    }
}
