package org.convoy.scheduling.meeting.domain;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import org.convoy.events.ConvoyEvent;
import org.convoy.events.EventCatalog;
import org.convoy.events.EventCodec;
import org.convoy.events.MeetingEvent;
import org.convoy.support.outbox.OutboxEntry;

/** What a schedule's outbox holds for attendees, read back as the relay would publish it. */
final class RecordedEvents {

    private static final EventCodec CODEC = new EventCodec();

    private RecordedEvents() {
    }

    /** Every meeting event recorded, in the order it was recorded. */
    static List<MeetingEvent> of(Schedule schedule) {
        return schedule.pendingEvents().stream().map(RecordedEvents::read).toList();
    }

    /** The events recorded about each meeting, in order. */
    static Map<UUID, List<MeetingEvent>> byMeeting(Schedule schedule) {
        return of(schedule).stream().collect(Collectors.groupingBy(MeetingEvent::meetingId));
    }

    private static MeetingEvent read(OutboxEntry entry) {
        Class<? extends ConvoyEvent> type = EventCatalog.typeFor(entry.type())
                .orElseThrow(() -> new AssertionError("Unknown event type " + entry.type()));
        ConvoyEvent event = CODEC.read(entry.payload(), type);
        if (!(event instanceof MeetingEvent meetingEvent)) {
            throw new AssertionError("Not a meeting event: " + entry.type());
        }
        return meetingEvent;
    }
}
