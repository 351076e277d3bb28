package org.convoy.scheduling.meeting.web;

import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;

import org.convoy.scheduling.meeting.MeetingFilter;
import org.convoy.scheduling.meeting.Meetings;
import org.convoy.scheduling.meeting.domain.Meeting;
import org.convoy.scheduling.meeting.domain.MeetingStatus;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Organizers plan meetings as drafts, confirm them, move them and cancel them. */
@RestController
@RequestMapping("/api/scheduling/convoys/{convoyId}/meetings")
class MeetingController {

    private final Meetings meetings;
    private final MeetingViews views;

    MeetingController(Meetings meetings, MeetingViews views) {
        this.meetings = meetings;
        this.views = views;
    }

    /** The convoy's meetings in time order, optionally of one day, city, status, host or delegate. */
    @GetMapping
    List<MeetingView> search(@PathVariable String convoyId,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date,
            @RequestParam(required = false) String city,
            @RequestParam(required = false) MeetingStatus status,
            @RequestParam(required = false) String hostId,
            @RequestParam(required = false) UUID delegateId) {
        return views.of(convoyId,
                meetings.search(convoyId, new MeetingFilter(date, city, status, hostId, delegateId)), true);
    }

    @GetMapping("/{meetingId}")
    MeetingView one(@PathVariable String convoyId, @PathVariable UUID meetingId) {
        Meeting meeting = meetings.meeting(convoyId, meetingId);
        return views.of(convoyId, meeting);
    }

    @PostMapping
    ResponseEntity<MeetingView> draft(@PathVariable String convoyId, @Valid @RequestBody MeetingRequest request) {
        Meeting draft = meetings.draft(convoyId, request.toInput());
        return ResponseEntity.created(URI.create("/api/scheduling/convoys/" + convoyId + "/meetings/" + draft.id()))
                .body(views.of(convoyId, draft));
    }

    /** Changes a draft, or moves a confirmed meeting (checked again; attendees are told). */
    @PutMapping("/{meetingId}")
    MeetingView replan(@PathVariable String convoyId, @PathVariable UUID meetingId,
            @Valid @RequestBody MeetingRequest request) {
        Meeting meeting = meetings.replan(convoyId, meetingId, request.toInput());
        return views.of(convoyId, meeting);
    }

    @PostMapping("/{meetingId}/confirmation")
    MeetingView confirm(@PathVariable String convoyId, @PathVariable UUID meetingId) {
        Meeting meeting = meetings.confirm(convoyId, meetingId);
        return views.of(convoyId, meeting);
    }

    @PostMapping("/{meetingId}/cancellation")
    MeetingView cancel(@PathVariable String convoyId, @PathVariable UUID meetingId,
            @Valid @RequestBody CancellationRequest request) {
        Meeting meeting = meetings.cancel(convoyId, meetingId, request.reason().strip());
        return views.of(convoyId, meeting);
    }

    /** Removes a draft; confirmed meetings are cancelled instead, so attendees are told. */
    @DeleteMapping("/{meetingId}")
    ResponseEntity<Void> discard(@PathVariable String convoyId, @PathVariable UUID meetingId) {
        meetings.discard(convoyId, meetingId);
        return ResponseEntity.noContent().build();
    }
}
