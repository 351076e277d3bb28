package org.convoy.scheduling.matchmaking.web;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

import org.convoy.events.Axis;
import org.convoy.events.Sector;
import org.convoy.support.problem.FieldProblemException;
import org.convoy.scheduling.matchmaking.Matchmaker;
import org.convoy.scheduling.matchmaking.Matchmaker.DraftAgenda;
import org.convoy.scheduling.matchmaking.Matchmaker.DraftOptions;
import org.convoy.scheduling.meeting.Meetings;
import org.convoy.scheduling.meeting.domain.Conflict;
import org.convoy.scheduling.meeting.web.MeetingView;
import org.convoy.scheduling.meeting.web.MeetingViews;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Matchmaking for organizers: who fits a host, and a drafted agenda for a day to review and confirm. */
@RestController
@RequestMapping("/api/scheduling/convoys/{convoyId}")
class MatchmakingController {

    private final Matchmaker matchmaker;
    private final Meetings meetings;
    private final MeetingViews views;

    MatchmakingController(Matchmaker matchmaker, Meetings meetings, MeetingViews views) {
        this.matchmaker = matchmaker;
        this.meetings = meetings;
        this.views = views;
    }

    record SuggestionView(UUID delegateId, String name, String organization, String role, int score,
            List<Sector> sharedSectors, List<Axis> sharedAxes, boolean available, List<Conflict> conflicts) {
    }

    /** Approved delegates who fit the host, best first; with a time, who could not attend then comes last. */
    @GetMapping("/hosts/{hostId}/suggestions")
    List<SuggestionView> suggestions(@PathVariable String convoyId, @PathVariable String hostId,
            @RequestParam(required = false) OffsetDateTime startsAt,
            @RequestParam(required = false) OffsetDateTime endsAt) {
        if ((startsAt == null) != (endsAt == null)) {
            throw new FieldProblemException(startsAt == null ? "startsAt" : "endsAt",
                    "give both startsAt and endsAt, or neither");
        }
        return matchmaker.suggest(convoyId, hostId, startsAt == null ? null : startsAt.toInstant(),
                endsAt == null ? null : endsAt.toInstant()).stream()
                .map(suggestion -> new SuggestionView(suggestion.interest().delegate().id(),
                        suggestion.interest().delegate().fullName(), suggestion.interest().delegate().organization(),
                        suggestion.interest().delegate().role(), suggestion.interest().score(),
                        suggestion.interest().sharedSectors(), suggestion.interest().sharedAxes(),
                        suggestion.conflicts().isEmpty(), suggestion.conflicts()))
                .toList();
    }

    /** Every option may be left out; the defaults suit a convoy day of one-hour meetings. */
    record DraftRequest(
            @Min(15) @Max(240) Integer meetingMinutes,
            @Min(5) @Max(240) Integer slotStepMinutes,
            @Min(1) @Max(100) Integer minCohort,
            @Min(1) @Max(1000) Integer maxCohort,
            @Min(1) @Max(12) Integer maxMeetingsPerDelegate,
            @Min(1) @Max(20) Integer maxMeetingsPerHost) {

        DraftOptions options() {
            return new DraftOptions(or(meetingMinutes, 60), or(slotStepMinutes, 30), or(minCohort, 3),
                    or(maxCohort, 15), or(maxMeetingsPerDelegate, 3), or(maxMeetingsPerHost, 4));
        }

        private static int or(Integer value, int fallback) {
            return value == null ? fallback : value;
        }
    }

    /** @param reasons why nothing was drafted, when nothing was */
    record DraftAgendaView(LocalDate date, int approvedDelegates, int delegatesPlaced, long tookMillis,
            List<MeetingView> drafts, List<Matchmaker.Reason> reasons) {
    }

    /**
     * Drafts a conflict-free agenda for one day; nothing is confirmed until organizers confirm each meeting. 201 with
     * the drafts; 200 with the reasons when there was nothing to draft.
     */
    @PostMapping("/days/{date}/draft-agenda")
    ResponseEntity<DraftAgendaView> draftDay(@PathVariable String convoyId,
            @PathVariable @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date,
            @Valid @RequestBody(required = false) DraftRequest request) {
        DraftRequest options = request == null ? new DraftRequest(null, null, null, null, null, null) : request;
        DraftAgenda agenda = matchmaker.draftDay(convoyId, date, options.options());
        DraftAgendaView view = new DraftAgendaView(date, agenda.approved(), agenda.placed(), agenda.took().toMillis(),
                views.of(convoyId, agenda.drafts(), false), agenda.reasons());
        return ResponseEntity.status(agenda.drafts().isEmpty() ? HttpStatus.OK : HttpStatus.CREATED).body(view);
    }
}
