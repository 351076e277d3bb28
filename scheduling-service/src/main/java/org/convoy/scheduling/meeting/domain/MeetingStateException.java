package org.convoy.scheduling.meeting.domain;

/** The meeting is not in a state that allows this step (e.g. cancelling a draft, moving a cancelled meeting). */
public class MeetingStateException extends RuntimeException {

    public MeetingStateException(String message) {
        super(message);
    }
}
