package org.convoy.scheduling.attendance.domain;

/**
 * What an attendee answers after a meeting.
 *
 * @param rating   1 to 5
 * @param followUp whether she would follow up with the host
 * @param comment  at most 1000 characters, or null
 */
public record FeedbackAnswer(int rating, boolean followUp, String comment) {
}
