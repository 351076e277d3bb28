package org.convoy.scheduling.meeting.domain;

/** Why a meeting cannot be confirmed (or moved) as planned. */
public enum ConflictCode {
    /** The venue is not in a city the convoy is in that day. */
    VENUE_NOT_IN_DAYS_CITY,
    /** The host does not receive delegations for the whole of that time. */
    HOST_UNAVAILABLE,
    /** The host already has a confirmed meeting at that time. */
    HOST_BUSY,
    /** More attendees than the meeting room takes. */
    ROOM_OVER_CAPACITY,
    /** An attendee is not (or no longer) an approved delegate. */
    DELEGATE_NOT_APPROVED,
    /** An attendee is in another confirmed meeting at that time. */
    DELEGATE_DOUBLE_BOOKED,
    /** An attendee cannot get from the previous meeting, or to the next one, in time. */
    TRAVEL_TIME_TOO_SHORT
}
