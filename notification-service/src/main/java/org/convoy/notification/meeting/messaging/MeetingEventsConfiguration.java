package org.convoy.notification.meeting.messaging;

import java.util.function.Consumer;

import org.convoy.events.AttendeeCheckedIn;
import org.convoy.events.MeetingCancelled;
import org.convoy.events.MeetingConfirmed;
import org.convoy.events.MeetingRescheduled;
import org.convoy.notification.meeting.FeedbackSurveys;
import org.convoy.notification.meeting.MeetingNotices;
import org.convoy.support.inbox.EventConsumers;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;

/**
 * Binding {@code meetingEvents-in-0}: every change to a meeting reaches its attendees; an attendee who checked in is
 * asked for her feedback once the meeting has ended.
 */
@Configuration(proxyBeanMethods = false)
class MeetingEventsConfiguration {

    @Bean
    Consumer<Message<byte[]>> meetingEvents(EventConsumers consumers, MeetingNotices notices,
            FeedbackSurveys surveys) {
        return consumers.named("meeting-notices")
                .on(MeetingConfirmed.class, notices::confirmed)
                .on(MeetingRescheduled.class, notices::rescheduled)
                .on(MeetingCancelled.class, notices::cancelled)
                .on(AttendeeCheckedIn.class, surveys::checkedIn)
                .build();
    }
}
