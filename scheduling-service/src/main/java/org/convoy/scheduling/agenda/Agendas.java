package org.convoy.scheduling.agenda;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.function.Predicate;

import org.convoy.scheduling.convoy.Convoys;
import org.convoy.scheduling.convoy.domain.Convoy;
import org.convoy.scheduling.delegate.Delegates;
import org.convoy.scheduling.delegate.domain.ScheduledDelegate;
import org.convoy.scheduling.host.Hosts;
import org.convoy.scheduling.host.domain.Host;
import org.convoy.scheduling.meeting.Meetings;
import org.convoy.scheduling.meeting.domain.Meeting;
import org.convoy.scheduling.meeting.domain.MeetingStatus;
import org.convoy.support.calendar.CalendarEvent;
import org.convoy.support.calendar.CalendarUids;
import org.convoy.support.calendar.ICalendar;
import org.convoy.support.problem.NotFoundException;
import org.springframework.stereotype.Service;

/**
 * Confirmed meetings as agendas by convoy day: a delegate's (also as a calendar feed that follows moves and
 * cancellations), a host's, and a day's (in one city, or all) for organizers.
 */
@Service
public class Agendas {

    private final Convoys convoys;
    private final Meetings meetings;
    private final Hosts hosts;
    private final Delegates delegates;

    Agendas(Convoys convoys, Meetings meetings, Hosts hosts, Delegates delegates) {
        this.convoys = convoys;
        this.meetings = meetings;
        this.hosts = hosts;
        this.delegates = delegates;
    }

    /**
     * @param owner who the agenda is for: a delegate's name, a host's name, or the day and city
     * @param days  every day of the convoy that the agenda covers, with its confirmed meetings in time order
     */
    public record Agenda(Convoy convoy, String owner, List<Day> days) {
    }

    /** @param cities the names of the cities the convoy is in that day */
    public record Day(LocalDate date, List<String> cities, List<Meeting> meetings) {
    }

    public Agenda ofDelegate(String convoyId, UUID delegateId) {
        ScheduledDelegate delegate = delegate(convoyId, delegateId);
        return agenda(convoyId, delegate.fullName(), meeting -> meeting.attends(delegateId));
    }

    public Agenda ofHost(String convoyId, String hostId) {
        Host host = hosts.get(convoyId, hostId);
        return agenda(convoyId, host.name(), meeting -> meeting.hostId().equals(hostId));
    }

    /** One day of the convoy, optionally in one of its cities. */
    public Agenda ofDay(String convoyId, LocalDate date, String city) {
        Convoy convoy = convoys.get(convoyId);
        Convoy.Day day = convoy.day(date).orElseThrow(() -> new NotFoundException("No such day", date
                + " is not a day of this convoy (" + convoy.firstDay() + " to " + convoy.lastDay() + ")."));
        Agenda all = agenda(convoyId, date + (city == null ? "" : " — " + convoy.cityName(city)),
                meeting -> city == null || meeting.plan().city().equals(city));
        return new Agenda(all.convoy(), all.owner(),
                all.days().stream().filter(entry -> entry.date().equals(day.date())).toList());
    }

    /**
     * The delegate's meetings as an iCalendar feed to subscribe to. Entries keep their UID and carry the meeting's
     * SEQUENCE, so calendar apps move a moved meeting; a cancelled one stays in the feed as CANCELLED, so it is
     * removed.
     */
    public String calendarOf(String convoyId, UUID delegateId) {
        ScheduledDelegate delegate = delegate(convoyId, delegateId);
        Convoy convoy = convoys.get(convoyId);
        List<CalendarEvent> entries = meetings.schedule(convoyId).meetings().stream()
                .filter(meeting -> !meeting.is(MeetingStatus.DRAFT) && meeting.attends(delegateId))
                .sorted(Comparator.comparing(Meeting::startsAt))
                .map(meeting -> entry(convoy, meeting))
                .toList();
        return ICalendar.of(ICalendar.Method.PUBLISH, convoy.name() + " — " + delegate.fullName()).addAll(entries)
                .write();
    }

    private Agenda agenda(String convoyId, String owner, Predicate<Meeting> selected) {
        Convoy convoy = convoys.get(convoyId);
        List<Meeting> confirmed = meetings.schedule(convoyId).confirmed().stream().filter(selected)
                .sorted(Comparator.comparing(Meeting::startsAt)).toList();
        List<Day> days = convoy.days().stream()
                .map(day -> new Day(day.date(), day.cities().stream().map(convoy::cityName).toList(),
                        confirmed.stream()
                                .filter(meeting -> meeting.startsAt().atZone(convoy.zoneId()).toLocalDate()
                                        .equals(day.date()))
                                .toList()))
                .toList();
        return new Agenda(convoy, owner, days);
    }

    private ScheduledDelegate delegate(String convoyId, UUID delegateId) {
        convoys.get(convoyId);
        return delegates.inConvoy(convoyId, delegateId);
    }

    private static CalendarEvent entry(Convoy convoy, Meeting meeting) {
        String topic = meeting.plan().title() != null ? meeting.plan().title() : String.valueOf(meeting.plan().sector());
        String place = meeting.plan().venue() + ", " + meeting.plan().address();
        String description = meeting.plan().hostName() + " — " + topic + "\n" + place + "\n" + convoy.name();
        return new CalendarEvent(CalendarUids.ofMeeting(meeting.id()), meeting.sequence(), meeting.startsAt(),
                meeting.endsAt(), meeting.zoneId(), meeting.plan().hostName() + " — " + topic, place, description,
                meeting.is(MeetingStatus.CANCELLED), meeting.updatedAt(), null, List.of());
    }
}
