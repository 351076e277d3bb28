package org.convoy.scheduling.agenda.web;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.convoy.support.links.QrCodes;

import org.convoy.events.Axis;
import org.convoy.events.Sector;
import org.convoy.scheduling.meeting.domain.MeetingStatus;

/**
 * An agenda by convoy day: where the convoy is that day and the meetings, times in the convoy's zone (named).
 *
 * @param convoyName  the convoy's name in {@code language}; {@code convoyNames} has it in every language
 * @param owner       who the agenda is for: a delegate's name, a host's name, or the day and city
 * @param language    the language of the agenda: the delegate's own for her agenda
 */
record AgendaView(String convoyId, String convoyName, Map<String, String> convoyNames, String owner, String language,
        String zone, List<Day> days) {

    record Day(LocalDate date, List<String> cities, List<Entry> meetings) {
    }

    record Entry(UUID meetingId, MeetingStatus status, int sequence, String hostId, String hostName, String venue,
            String address, String cityName, OffsetDateTime startsAt, OffsetDateTime endsAt, Axis axis, Sector sector,
            String title, int attendees, CheckInPass checkIn) {
    }

    /**
     * A delegate's pass for one confirmed meeting of her own agenda: the QR code the desk scans ({@code token}, drawn
     * as {@code qr}) and its short code to type.
     */
    record CheckInPass(String code, String token, QrCodes.Svg qr) {
    }
}
