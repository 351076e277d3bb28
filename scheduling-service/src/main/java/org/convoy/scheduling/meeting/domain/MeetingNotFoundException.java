package org.convoy.scheduling.meeting.domain;

import java.util.UUID;

public class MeetingNotFoundException extends RuntimeException {

    public MeetingNotFoundException(UUID meetingId) {
        super("No meeting " + meetingId + " in this convoy.");
    }
}
