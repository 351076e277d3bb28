package org.convoy.support.calendar;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;

/**
 * One meeting as a calendar entry. Calendar apps match entries by {@code uid} and keep the one with the highest
 * {@code sequence}, so a moved meeting moves and a cancelled one disappears.
 *
 * @param zone       the zone the times are shown in; written as TZID with its VTIMEZONE
 * @param organizer  who sends the invitation (name and email), or {@code null}
 * @param attendees  who is invited (name and email); empty for a published feed
 */
public record CalendarEvent(
        String uid,
        int sequence,
        Instant startsAt,
        Instant endsAt,
        ZoneId zone,
        String summary,
        String location,
        String description,
        boolean cancelled,
        Instant stamp,
        Person organizer,
        List<Person> attendees) {

    public CalendarEvent {
        attendees = attendees == null ? List.of() : List.copyOf(attendees);
    }

    public record Person(String name, String email) {
    }
}
