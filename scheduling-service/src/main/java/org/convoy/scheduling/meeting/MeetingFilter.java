package org.convoy.scheduling.meeting;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.UUID;

import org.convoy.scheduling.meeting.domain.Meeting;
import org.convoy.scheduling.meeting.domain.MeetingStatus;

/** Which meetings an organizer wants to see; a {@code null} criterion lets every meeting through. */
public record MeetingFilter(LocalDate date, String city, MeetingStatus status, String hostId, UUID delegateId) {

    boolean accepts(Meeting meeting, ZoneId zone) {
        return (date == null || meeting.startsAt().atZone(zone).toLocalDate().equals(date))
                && (city == null || meeting.plan().city().equals(city))
                && (status == null || meeting.is(status))
                && (hostId == null || meeting.hostId().equals(hostId))
                && (delegateId == null || meeting.attends(delegateId));
    }
}
