package org.convoy.scheduling.agenda.web;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.function.Predicate;

import org.convoy.scheduling.delegate.domain.ScheduledDelegate;
import org.convoy.scheduling.delegate.Delegates;
import org.convoy.scheduling.convoy.Convoys;
import org.convoy.scheduling.convoy.domain.Convoy;
import org.convoy.scheduling.host.Hosts;
import org.convoy.scheduling.host.domain.Host;
import org.convoy.scheduling.meeting.Meetings;
import org.convoy.scheduling.meeting.domain.Meeting;
import org.convoy.scheduling.meeting.domain.MeetingStatus;
import org.convoy.scheduling.meeting.domain.Schedule;
import org.convoy.support.calendar.CalendarEvent;
import org.convoy.support.calendar.CalendarUids;
import org.convoy.support.calendar.ICalendar;
import org.convoy.support.links.PersonalLinks;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * Confirmed meetings as agendas: a delegate's (also as a calendar feed that updates itself), a host's, and a day's
 * in a city for organizers.
 */
@RestController
@RequestMapping("/api/scheduling/convoys/{convoyId}")
class AgendaController {

    private static final MediaType CALENDAR = new MediaType("text", "calendar", StandardCharsets.UTF_8);

    private final Meetings meetings;
    private final Convoys convoys;
    private final Hosts hosts;
    private final Delegates delegates;
    private final AgendaAccess access;

    AgendaController(Meetings meetings, Convoys convoys, Hosts hosts, Delegates delegates,
            AgendaAccess access) {
        this.meetings = meetings;
        this.convoys = convoys;
        this.hosts = hosts;
        this.delegates = delegates;
        this.access = access;
    }

    /** For organizers, and for the delegate with their personal link in {@code X-Registration-Token}. */
    @GetMapping("/delegates/{delegateId}/agenda")
    AgendaView delegateAgenda(@PathVariable String convoyId, @PathVariable UUID delegateId,
            @RequestHeader(name = PersonalLinks.HEADER, required = false) String link) {
        access.check(delegateId, link);
        ScheduledDelegate delegate = known(convoyId, delegateId);
        return agenda(convoyId, delegate.fullName(), meeting -> meeting.attends(delegateId));
    }

    /**
     * The delegate's meetings as an iCalendar feed to subscribe to. Entries keep their UID and carry the meeting's
     * SEQUENCE, so calendar apps move a moved meeting; a cancelled one stays in the feed as CANCELLED, so it is
     * removed. Calendar apps cannot send headers, so the delegate's link token may come as {@code ?token=}.
     */
    @GetMapping(value = "/delegates/{delegateId}/agenda.ics", produces = "text/calendar")
    ResponseEntity<String> delegateCalendar(@PathVariable String convoyId, @PathVariable UUID delegateId,
            @RequestHeader(name = PersonalLinks.HEADER, required = false) String link,
            @RequestParam(name = "token", required = false) String feedToken) {
        access.check(delegateId, link != null ? link : feedToken);
        ScheduledDelegate delegate = known(convoyId, delegateId);
        Convoy convoy = convoys.get(convoyId);
        List<CalendarEvent> entries = meetings.schedule(convoyId).meetings().stream()
                .filter(meeting -> !meeting.is(MeetingStatus.DRAFT) && meeting.attends(delegateId))
                .sorted(Comparator.comparing(Meeting::startsAt))
                .map(meeting -> entry(convoy, meeting))
                .toList();
        String calendar = ICalendar.of(ICalendar.Method.PUBLISH, convoy.name() + " — " + delegate.fullName())
                .addAll(entries).write();
        return ResponseEntity.ok().contentType(CALENDAR).cacheControl(CacheControl.noCache()).body(calendar);
    }

    @GetMapping("/hosts/{hostId}/agenda")
    AgendaView host(@PathVariable String convoyId, @PathVariable String hostId) {
        Host host = hosts.get(convoyId, hostId);
        return agenda(convoyId, host.name(), meeting -> meeting.hostId().equals(hostId));
    }

    /** A day of the convoy for organizers, optionally one city of it. */
    @GetMapping("/days/{date}/agenda")
    AgendaView day(@PathVariable String convoyId,
            @PathVariable @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date,
            @RequestParam(required = false) String city) {
        Convoy convoy = convoys.get(convoyId);
        Convoy.Day day = convoy.day(date).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND,
                date + " is not a day of this convoy (" + convoy.firstDay() + " to " + convoy.lastDay() + ")."));
        String owner = date + (city == null ? "" : " — " + convoy.cityName(city));
        AgendaView all = agenda(convoyId, owner, meeting -> city == null || meeting.plan().city().equals(city));
        return new AgendaView(all.convoyId(), all.convoyName(), all.owner(), all.zone(),
                all.days().stream().filter(entry -> entry.date().equals(day.date())).toList());
    }

    private AgendaView agenda(String convoyId, String owner, Predicate<Meeting> selected) {
        Convoy convoy = convoys.get(convoyId);
        Schedule schedule = meetings.schedule(convoyId);
        List<Meeting> confirmed = schedule.confirmed().stream().filter(selected)
                .sorted(Comparator.comparing(Meeting::startsAt)).toList();
        List<AgendaView.Day> days = convoy.days().stream()
                .map(day -> new AgendaView.Day(day.date(), day.cities().stream().map(convoy::cityName).toList(),
                        confirmed.stream()
                                .filter(meeting -> meeting.startsAt().atZone(convoy.zoneId()).toLocalDate()
                                        .equals(day.date()))
                                .map(AgendaController::entry).toList()))
                .toList();
        return new AgendaView(convoyId, convoy.name(), owner, convoy.zone(), days);
    }

    private static AgendaView.Entry entry(Meeting meeting) {
        return new AgendaView.Entry(meeting.id(), meeting.status(), meeting.sequence(), meeting.hostId(),
                meeting.plan().hostName(), meeting.plan().venue(), meeting.plan().address(), meeting.plan().cityName(),
                meeting.localStart(), meeting.localEnd(),
                meeting.plan().axis(), meeting.plan().sector(), meeting.plan().title(), meeting.attendeeIds().size());
    }

    private static CalendarEvent entry(Convoy convoy, Meeting meeting) {
        String topic = meeting.plan().title() != null ? meeting.plan().title() : String.valueOf(meeting.plan().sector());
        String description = meeting.plan().hostName() + " — " + topic + "\n" + meeting.plan().venue() + ", " + meeting.plan().address()
                + "\n" + convoy.name();
        return new CalendarEvent(CalendarUids.ofMeeting(meeting.id()), meeting.sequence(), meeting.startsAt(),
                meeting.endsAt(), meeting.zoneId(), meeting.plan().hostName() + " — " + topic,
                meeting.plan().venue() + ", " + meeting.plan().address(), description, meeting.is(MeetingStatus.CANCELLED),
                meeting.updatedAt(), null, List.of());
    }

    private ScheduledDelegate known(String convoyId, UUID delegateId) {
        convoys.get(convoyId);
        return delegates.inConvoy(convoyId, delegateId);
    }
}
