package org.convoy.scheduling.agenda.web;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.UUID;
import java.util.function.Function;

import org.convoy.scheduling.agenda.Agendas;
import org.convoy.scheduling.agenda.Agendas.Agenda;
import org.convoy.scheduling.meeting.domain.Meeting;
import org.convoy.scheduling.meeting.domain.MeetingStatus;
import org.convoy.support.links.AttendeePasses;
import org.convoy.support.links.PersonalLinks;
import org.convoy.support.links.QrCodes;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Confirmed meetings as agendas ({@link Agendas}): a delegate's (also as a calendar feed that updates itself), a
 * host's, and a day's in a city for organizers.
 */
@RestController
@RequestMapping("/api/scheduling/convoys/{convoyId}")
class AgendaController {

    private static final MediaType CALENDAR = new MediaType("text", "calendar", StandardCharsets.UTF_8);

    private final Agendas agendas;
    private final AgendaAccess access;
    private final AttendeePasses passes;

    AgendaController(Agendas agendas, AgendaAccess access, AttendeePasses passes) {
        this.agendas = agendas;
        this.access = access;
        this.passes = passes;
    }

    /** For organizers, and for the delegate with their personal link in {@code X-Registration-Token}. */
    @GetMapping("/delegates/{delegateId}/agenda")
    AgendaView delegateAgenda(@PathVariable String convoyId, @PathVariable UUID delegateId,
            @RequestHeader(name = PersonalLinks.HEADER, required = false) String link) {
        access.check(delegateId, link);
        return view(agendas.ofDelegate(convoyId, delegateId), meeting -> meeting.is(MeetingStatus.CONFIRMED)
                ? new AgendaView.CheckInPass(passes.shortCode(meeting.id(), delegateId),
                        passes.checkIn(meeting.id(), delegateId), QrCodes.svg(passes.checkIn(meeting.id(), delegateId)))
                : null);
    }

    /**
     * The delegate's calendar feed. Calendar apps cannot send headers, so the feed's own read-only token comes as
     * {@code ?token=} (the address her page shows); her session in the header opens it too.
     */
    @GetMapping(value = "/delegates/{delegateId}/agenda.ics", produces = "text/calendar")
    ResponseEntity<String> delegateCalendar(@PathVariable String convoyId, @PathVariable UUID delegateId,
            @RequestHeader(name = PersonalLinks.HEADER, required = false) String link,
            @RequestParam(name = "token", required = false) String feedToken) {
        access.checkFeed(delegateId, link, feedToken);
        return ResponseEntity.ok().contentType(CALENDAR).cacheControl(CacheControl.noCache())
                .body(agendas.calendarOf(convoyId, delegateId));
    }

    @GetMapping("/hosts/{hostId}/agenda")
    AgendaView host(@PathVariable String convoyId, @PathVariable String hostId) {
        return view(agendas.ofHost(convoyId, hostId), meeting -> null);
    }

    /** A day of the convoy for organizers, optionally one city of it. */
    @GetMapping("/days/{date}/agenda")
    AgendaView day(@PathVariable String convoyId,
            @PathVariable @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date,
            @RequestParam(required = false) String city) {
        return view(agendas.ofDay(convoyId, date, city), meeting -> null);
    }

    private static AgendaView view(Agenda agenda, Function<Meeting, AgendaView.CheckInPass> passes) {
        return new AgendaView(agenda.convoy().id(), agenda.convoyName(), agenda.convoy().names(), agenda.owner(),
                agenda.language(), agenda.convoy().zone(),
                agenda.days().stream().map(day -> new AgendaView.Day(day.date(), day.cities(),
                        day.meetings().stream().map(meeting -> entry(meeting, passes.apply(meeting))).toList())).toList());
    }

    private static AgendaView.Entry entry(Meeting meeting, AgendaView.CheckInPass pass) {
        return new AgendaView.Entry(meeting.id(), meeting.status(), meeting.sequence(), meeting.hostId(),
                meeting.plan().hostName(), meeting.plan().venue(), meeting.plan().address(), meeting.plan().cityName(),
                meeting.localStart(), meeting.localEnd(), meeting.plan().axis(), meeting.plan().sector(),
                meeting.plan().title(), meeting.attendeeIds().size(), pass);
    }
}
