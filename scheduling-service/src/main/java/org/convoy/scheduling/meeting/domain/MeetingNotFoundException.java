package org.convoy.scheduling.meeting.domain;

import java.util.UUID;

import org.convoy.support.problem.NotFoundException;

public class MeetingNotFoundException extends NotFoundException {

    public MeetingNotFoundException(UUID meetingId) {
        super("No such meeting", "No meeting " + meetingId + " in this convoy.");
    }
}
