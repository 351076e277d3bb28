package org.convoy.scheduling.meeting.domain;

import java.util.List;

/** The plan collides with the convoy's rules or with confirmed meetings; nothing was changed. */
public class MeetingConflictException extends RuntimeException {

    private final transient List<Conflict> conflicts;

    public MeetingConflictException(List<Conflict> conflicts) {
        super(conflicts.size() + " reason(s) prevent this meeting: "
                + String.join("; ", conflicts.stream().map(Conflict::message).toList()));
        this.conflicts = List.copyOf(conflicts);
    }

    public List<Conflict> conflicts() {
        return conflicts;
    }
}
