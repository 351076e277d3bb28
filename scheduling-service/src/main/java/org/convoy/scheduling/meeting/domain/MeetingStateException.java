package org.convoy.scheduling.meeting.domain;

import org.convoy.support.problem.ConflictException;

/** The meeting is not in a state that allows this step (e.g. cancelling a draft, moving a cancelled meeting). */
public class MeetingStateException extends ConflictException {

    public MeetingStateException(String message) {
        super("Not possible in the meeting's state", message);
    }
}
