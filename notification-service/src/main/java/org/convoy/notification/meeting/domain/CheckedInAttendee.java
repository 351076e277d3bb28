package org.convoy.notification.meeting.domain;

import java.time.Instant;
import java.util.UUID;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * Notification's note that an attendee arrived at a meeting (from {@code AttendeeCheckedIn}), kept until she has been
 * asked for her feedback. One per meeting and attendee, so the event handled twice leaves one note.
 *
 * @param endsAt   when the meeting ends, as the check-in told; the meeting's own copy wins when it is known
 * @param surveyed whether her survey was handed to the sender (or is not owed any more)
 */
@Document(CheckedInAttendee.COLLECTION)
public record CheckedInAttendee(
        @Id String id,
        UUID meetingId,
        String convoyId,
        UUID delegateId,
        Instant checkedInAt,
        Instant endsAt,
        String zone,
        boolean surveyed) {

    public static final String COLLECTION = "check_ins";

    public static String idOf(UUID meetingId, UUID delegateId) {
        return meetingId + ":" + delegateId;
    }

    public CheckedInAttendee asSurveyed() {
        return new CheckedInAttendee(id, meetingId, convoyId, delegateId, checkedInAt, endsAt, zone, true);
    }
}
