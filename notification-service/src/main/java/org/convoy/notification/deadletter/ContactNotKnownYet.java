package org.convoy.notification.deadletter;

import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * An event called for notices to delegates whose contact notification does not know (yet): their registration has
 * not reached it, or is itself a dead letter. The sender throws it once it has sent every notice it could, so the
 * event is not marked handled: it is tried again while the contact may still arrive, and then put on the dead-letter
 * topic naming these delegates, for organizers to see and replay. A replay notifies only those not notified yet.
 *
 * @param meetingId the meeting the notices are about, or {@code null}
 */
public class ContactNotKnownYet extends RuntimeException {

    private final UUID eventId;
    private final String eventType;
    private final UUID meetingId;
    private final List<UUID> delegateIds;

    public ContactNotKnownYet(UUID eventId, String eventType, UUID meetingId, List<UUID> delegateIds) {
        super("No contact known for delegate " + delegateIds.stream().map(UUID::toString)
                .collect(Collectors.joining(", ")) + " (" + eventType + " " + eventId
                + (meetingId == null ? "" : ", meeting " + meetingId) + "): their registration has not reached "
                + "notification, or is itself a dead letter (replay it first). Replaying this event notifies only "
                + "those not notified yet.", null, false, false);
        this.eventId = eventId;
        this.eventType = eventType;
        this.meetingId = meetingId;
        this.delegateIds = List.copyOf(delegateIds);
    }

    public UUID eventId() {
        return eventId;
    }

    public String eventType() {
        return eventType;
    }

    public UUID meetingId() {
        return meetingId;
    }

    public List<UUID> delegateIds() {
        return delegateIds;
    }
}
