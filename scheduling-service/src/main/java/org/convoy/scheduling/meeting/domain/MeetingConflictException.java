package org.convoy.scheduling.meeting.domain;

import java.util.List;
import java.util.Map;

import org.convoy.support.problem.ConflictException;

/**
 * The plan collides with the convoy's rules or with confirmed meetings; nothing was changed. Every broken rule is
 * listed under {@code conflicts} with its code, so a planner can show each beside its cause.
 */
public class MeetingConflictException extends ConflictException {

    private final transient List<Conflict> conflicts;

    public MeetingConflictException(List<Conflict> conflicts) {
        super("Meeting cannot take place as planned", conflicts.size() + " reason(s) prevent this meeting: "
                + String.join("; ", conflicts.stream().map(Conflict::message).toList()));
        this.conflicts = List.copyOf(conflicts);
    }

    public List<Conflict> conflicts() {
        return conflicts;
    }

    @Override
    public Map<String, Object> properties() {
        return Map.of("conflicts", conflicts);
    }
}
