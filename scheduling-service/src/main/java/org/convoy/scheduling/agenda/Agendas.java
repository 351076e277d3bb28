package org.convoy.scheduling.agenda;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;

import org.convoy.events.Labels;
import org.convoy.scheduling.convoy.Convoys;
import org.convoy.scheduling.convoy.domain.Convoy;
import org.convoy.scheduling.delegate.Delegates;
import org.convoy.scheduling.delegate.domain.ScheduledDelegate;
import org.convoy.scheduling.host.Hosts;
import org.convoy.scheduling.host.domain.Host;
import org.convoy.scheduling.meeting.MeetingFilter;
import org.convoy.scheduling.meeting.Meetings;
import org.convoy.scheduling.meeting.domain.Meeting;
import org.convoy.scheduling.meeting.domain.MeetingPlan;
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

    /** Organizers' views of a host's or a day's agenda name the convoy in Spanish; they carry every name besides. */
    private static final String ORGANIZERS = "es";

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
     * @param owner    who the agenda is for: a delegate's name, a host's name, or the day and city
     * @param language the language it is read in (the delegate's own; Spanish for organizers' views)
     * @param days     every day of the convoy that the agenda covers, with its confirmed meetings in time order
     */
    public record Agenda(Convoy convoy, String owner, String language, List<Day> days) {

        public String convoyName() {
            return convoy.name(language);
        }
    }

    /** @param cities the names of the cities the convoy is in that day */
    public record Day(LocalDate date, List<String> cities, List<Meeting> meetings) {
    }

    public Agenda ofDelegate(String convoyId, UUID delegateId) {
        ScheduledDelegate delegate = delegate(convoyId, delegateId);
        return agenda(convoyId, delegate.fullName(), delegate.language(),
                new MeetingFilter(null, null, MeetingStatus.CONFIRMED, null, delegateId));
    }

    public Agenda ofHost(String convoyId, String hostId) {
        Host host = hosts.get(convoyId, hostId);
        return agenda(convoyId, host.name(), ORGANIZERS, new MeetingFilter(null, null, MeetingStatus.CONFIRMED, hostId,
                null));
    }

    /** One day of the convoy, optionally in one of its cities. */
    public Agenda ofDay(String convoyId, LocalDate date, String city) {
        Convoy convoy = convoys.get(convoyId);
        Convoy.Day day = convoy.day(date).orElseThrow(() -> new NotFoundException("No such day", date
                + " is not a day of this convoy (" + convoy.firstDay() + " to " + convoy.lastDay() + ")."));
        Agenda all = agenda(convoyId, date + (city == null ? "" : " — " + convoy.cityName(city)), ORGANIZERS,
                new MeetingFilter(date, city, MeetingStatus.CONFIRMED, null, null));
        return new Agenda(all.convoy(), all.owner(), all.language(),
                all.days().stream().filter(entry -> entry.date().equals(day.date())).toList());
    }

    /**
     * The delegate's meetings as an iCalendar feed to subscribe to, in her language (the convoy's name, sectors and
     * axes as people read them). Entries keep their UID and carry the meeting's SEQUENCE, so calendar apps move a
     * moved meeting; a cancelled one stays in the feed as CANCELLED, so it is removed.
     */
    public String calendarOf(String convoyId, UUID delegateId) {
        ScheduledDelegate delegate = delegate(convoyId, delegateId);
        Convoy convoy = convoys.get(convoyId);
        String language = delegate.language();
        List<CalendarEvent> entries = meetings.search(convoyId, new MeetingFilter(null, null, null, null, delegateId))
                .stream()
                .filter(meeting -> !meeting.is(MeetingStatus.DRAFT))
                .sorted(Comparator.comparing(Meeting::startsAt))
                .map(meeting -> entry(convoy, meeting, language))
                .toList();
        return ICalendar.of(ICalendar.Method.PUBLISH, convoy.name(language) + " — " + delegate.fullName())
                .addAll(entries).write();
    }

    private Agenda agenda(String convoyId, String owner, String language, MeetingFilter selected) {
        Convoy convoy = convoys.get(convoyId);
        List<Meeting> confirmed = meetings.search(convoyId, selected);
        List<Day> days = convoy.days().stream()
                .map(day -> new Day(day.date(), day.cities().stream().map(convoy::cityName).toList(),
                        confirmed.stream()
                                .filter(meeting -> meeting.startsAt().atZone(meeting.zoneId()).toLocalDate()
                                        .equals(day.date()))
                                .toList()))
                .toList();
        return new Agenda(convoy, owner, language, days);
    }

    private ScheduledDelegate delegate(String convoyId, UUID delegateId) {
        convoys.get(convoyId);
        return delegates.inConvoy(convoyId, delegateId);
    }

    private static CalendarEvent entry(Convoy convoy, Meeting meeting, String language) {
        MeetingPlan plan = meeting.plan();
        String sector = plan.sector() == null ? null : Labels.of(plan.sector(), language);
        String axis = plan.axis() == null ? null : Labels.of(plan.axis(), language);
        String topic = plan.title() != null ? plan.title() : sector != null ? sector : axis;
        String place = plan.venue() + ", " + plan.address();
        String description = plan.hostName() + (topic == null ? "" : " — " + topic) + "\n" + place
                + (sector == null ? "" : "\n" + sector) + (axis == null ? "" : " · " + axis) + "\n"
                + convoy.name(language);
        return new CalendarEvent(CalendarUids.ofMeeting(meeting.id()), meeting.sequence(), meeting.startsAt(),
                meeting.endsAt(), meeting.zoneId(), plan.hostName() + (topic == null ? "" : " — " + topic), place,
                description,
                meeting.is(MeetingStatus.CANCELLED), meeting.updatedAt(), null, List.of());
    }
}
