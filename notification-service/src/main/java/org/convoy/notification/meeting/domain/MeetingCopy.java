package org.convoy.notification.meeting.domain;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

import org.convoy.events.MeetingDetails;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * Notification's copy of a meeting, from the meeting stream: its latest state, and who attended it at each sequence,
 * so a change can tell who joined and who left even when an event arrives twice.
 *
 * @param attendeesBySequence attendee ids by the sequence that set them (keys are decimal strings)
 */
@Document(MeetingCopy.COLLECTION)
public record MeetingCopy(
        @Id UUID id,
        String convoyId,
        int sequence,
        boolean cancelled,
        MeetingDetails details,
        Map<String, List<UUID>> attendeesBySequence,
        Instant updatedAt) {

    public static final String COLLECTION = "meetings";

    public static MeetingCopy first(UUID id, String convoyId, int sequence, MeetingDetails details, Instant at) {
        return new MeetingCopy(id, convoyId, sequence, false, details,
                Map.of(String.valueOf(sequence), List.copyOf(details.attendeeIds())), at);
    }

    /** Who attended just before the change with this sequence; empty if nothing earlier is known. */
    public List<UUID> attendeesBefore(int changeSequence) {
        TreeMap<Integer, List<UUID>> ordered = new TreeMap<>();
        attendeesBySequence.forEach((key, ids) -> ordered.put(Integer.parseInt(key), ids));
        Map.Entry<Integer, List<UUID>> before = ordered.lowerEntry(changeSequence);
        return before == null ? List.of() : before.getValue();
    }

    /** The state after a change; an older change than the one known leaves the latest state as it is. */
    public MeetingCopy changed(int changeSequence, boolean nowCancelled, MeetingDetails newDetails, List<UUID> attendees,
            Instant at) {
        Map<String, List<UUID>> history = new TreeMap<>(attendeesBySequence);
        history.put(String.valueOf(changeSequence), new ArrayList<>(attendees));
        if (changeSequence < sequence) {
            return new MeetingCopy(id, convoyId, sequence, cancelled, details, history, updatedAt);
        }
        return new MeetingCopy(id, convoyId, changeSequence, nowCancelled, newDetails == null ? details : newDetails,
                history, at);
    }
}
