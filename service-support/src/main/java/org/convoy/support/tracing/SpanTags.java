package org.convoy.support.tracing;

import io.micrometer.tracing.Span;
import org.convoy.events.DelegateEvent;
import org.convoy.events.DelegateKeyEvent;
import org.convoy.events.EventCatalog;
import org.convoy.events.MeetingEvent;

/**
 * The names of the tags Convoy's spans carry: the ids an operator follows a journey by, never personal data (no
 * names, email addresses or phone numbers).
 */
public final class SpanTags {

    public static final String EVENT_TYPE = "event.type";
    public static final String EVENT_ID = "event.id";
    public static final String DELEGATE_ID = "delegate.id";
    public static final String MEETING_ID = "meeting.id";
    public static final String AGGREGATE_ID = "aggregate.id";
    public static final String TOPIC = "topic";
    public static final String NOTICE_ID = "notice.id";
    public static final String CHANNEL = "channel";
    public static final String KIND = "kind";
    /** Which attempt at sending a notice this is: 1, then the retrier's. */
    public static final String ATTEMPT = "attempt";

    private SpanTags() {
    }

    /**
     * Tags an event's type and id, and the id of its aggregate under the aggregate's own name (delegate or meeting).
     */
    public static Span event(Span span, String type, String eventId, String aggregateId) {
        span.tag(EVENT_TYPE, type).tag(EVENT_ID, eventId);
        if (aggregateId != null) {
            span.tag(aggregateTag(type), aggregateId);
        }
        return span;
    }

    private static String aggregateTag(String type) {
        return EventCatalog.typeFor(type).map(known -> DelegateEvent.class.isAssignableFrom(known)
                || DelegateKeyEvent.class.isAssignableFrom(known) ? DELEGATE_ID
                : MeetingEvent.class.isAssignableFrom(known) ? MEETING_ID : AGGREGATE_ID).orElse(AGGREGATE_ID);
    }
}
