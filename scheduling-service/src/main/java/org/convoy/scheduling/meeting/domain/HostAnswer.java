package org.convoy.scheduling.meeting.domain;

import java.time.Instant;
import java.util.UUID;

/**
 * What a host contact answered about a visit on the host page: that the host receives it, or a request for another
 * time with a message. Organizers decide what follows; a meeting moved since no longer carries the answer.
 *
 * @param sequence the meeting's sequence the answer is about
 */
public record HostAnswer(Kind kind, String message, UUID contactId, String contactName, int sequence, Instant at) {

    public enum Kind { CONFIRMED, ANOTHER_TIME }
}
