package org.convoy.events;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Every event type, its name on the wire and its topic. */
public final class EventCatalog {

    private static final List<Class<? extends ConvoyEvent>> TYPES = List.of(
            DelegateRegistered.class, DelegateUpdated.class, DelegateApproved.class, DelegateRejected.class,
            DelegateWithdrawn.class, DelegateErased.class, DelegateWaitlisted.class, DelegatePromoted.class,
            RegistrationLinkIssued.class, DelegateLinkOpened.class, DelegateKeyShared.class, DelegateKeyDestroyed.class,
            MeetingConfirmed.class, MeetingRescheduled.class, MeetingCancelled.class,
            AttendeeCheckedIn.class, AttendeeExcused.class, FeedbackGiven.class,
            ConvoyPublished.class, ConvoyDatesChanged.class, OrganizerLoggedOut.class, OrganizerAccessEnded.class,
            HostContactsChanged.class, HostLinkIssued.class, HostConfirmedVisit.class, HostProposedAnotherTime.class);

    private static final Map<String, Class<? extends ConvoyEvent>> BY_NAME = TYPES.stream()
            .collect(Collectors.toUnmodifiableMap(Class::getSimpleName, Function.identity()));

    private EventCatalog() {
    }

    public static List<Class<? extends ConvoyEvent>> types() {
        return TYPES;
    }

    /** The name written in the {@link EventHeaders#EVENT_TYPE} header. */
    public static String typeName(Class<? extends ConvoyEvent> type) {
        return type.getSimpleName();
    }

    /** The class for a type name; empty for a type this reader does not know (a newer producer). */
    public static Optional<Class<? extends ConvoyEvent>> typeFor(String name) {
        return Optional.ofNullable(name).map(BY_NAME::get);
    }

    public static String topicOf(ConvoyEvent event) {
        return topicOf(event.getClass());
    }

    public static String topicOf(Class<? extends ConvoyEvent> type) {
        if (DelegateEvent.class.isAssignableFrom(type)) {
            return Topics.DELEGATES;
        }
        if (DelegateKeyEvent.class.isAssignableFrom(type)) {
            return Topics.DELEGATE_KEYS;
        }
        if (MeetingEvent.class.isAssignableFrom(type) || AttendanceEvent.class.isAssignableFrom(type)) {
            return Topics.MEETINGS;
        }
        if (ConvoyDefinitionEvent.class.isAssignableFrom(type)) {
            return Topics.CONVOYS;
        }
        if (SessionEvent.class.isAssignableFrom(type)) {
            return Topics.SESSIONS;
        }
        if (HostEvent.class.isAssignableFrom(type)) {
            return Topics.HOSTS;
        }
        throw new IllegalArgumentException("No topic for " + type.getName());
    }
}
