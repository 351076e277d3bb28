package org.convoy.scheduling.meeting.domain;

import java.time.LocalDate;
import java.util.UUID;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * One meeting as stored: a document of its own, so a change to one meeting writes that meeting only, and an agenda
 * reads only its meetings (by convoy and day, by host, by attendee; see {@code ScheduleStore}'s indexes).
 *
 * @param day      the meeting's day in its venue's zone
 * @param revision grows with every committed change of the meeting; a write never replaces a later revision
 * @param meeting  the meeting, or {@code null} in a commit that discards a draft
 */
@Document(StoredMeeting.COLLECTION)
public record StoredMeeting(@Id UUID id, String convoyId, LocalDate day, long revision, Meeting meeting) {

    public static final String COLLECTION = "meetings";

    public static StoredMeeting of(String convoyId, Meeting meeting, long revision) {
        return new StoredMeeting(meeting.id(), convoyId, meeting.startsAt().atZone(meeting.zoneId()).toLocalDate(),
                revision, meeting);
    }

    public static StoredMeeting discarded(String convoyId, UUID meetingId, long revision) {
        return new StoredMeeting(meetingId, convoyId, null, revision, null);
    }
}
