package org.convoy.scheduling.agenda.web;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import org.convoy.events.Axis;
import org.convoy.events.Sector;
import org.convoy.scheduling.meeting.domain.MeetingStatus;

/**
 * An agenda by convoy day: where the convoy is that day and the meetings, times in the convoy's zone (named).
 *
 * @param owner who the agenda is for: a delegate's name, a host's name, or the day and city
 */
record AgendaView(String convoyId, String convoyName, String owner, String zone, List<Day> days) {

    record Day(LocalDate date, List<String> cities, List<Entry> meetings) {
    }

    record Entry(UUID meetingId, MeetingStatus status, int sequence, String hostId, String hostName, String venue,
            String address, String cityName, OffsetDateTime startsAt, OffsetDateTime endsAt, Axis axis, Sector sector,
            String title, int attendees) {
    }
}
