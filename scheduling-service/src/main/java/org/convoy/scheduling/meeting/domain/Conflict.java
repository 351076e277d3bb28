package org.convoy.scheduling.meeting.domain;

import java.util.UUID;

/**
 * One reason a plan cannot be confirmed.
 *
 * @param delegateId     the attendee concerned, when the reason is about one
 * @param otherMeetingId the confirmed meeting it collides with, when there is one
 */
public record Conflict(ConflictCode code, String message, UUID delegateId, UUID otherMeetingId) {
}
