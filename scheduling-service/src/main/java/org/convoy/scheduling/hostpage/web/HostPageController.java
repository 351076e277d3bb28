package org.convoy.scheduling.hostpage.web;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.convoy.scheduling.hostpage.HostLinks;
import org.convoy.scheduling.hostpage.HostPages;
import org.convoy.scheduling.meeting.domain.HostAnswer;
import org.convoy.scheduling.meeting.domain.Meeting;
import org.convoy.scheduling.visitor.Visitors;
import org.convoy.support.problem.FieldProblemException;
import org.convoy.support.text.PlainText;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * The host page's calls, open to whoever holds a host contact's link: the one-time code for a session, then, with the
 * session in {@value HostLinks#HEADER}, the host's upcoming visits with their visitor lists, and an answer about
 * each. Without a current session every call but the first is 401.
 */
@RestController
class HostPageController {

    private final HostLinks links;
    private final HostPages pages;

    HostPageController(HostLinks links, HostPages pages) {
        this.links = links;
        this.pages = pages;
    }

    record CodeRequest(@NotBlank @Size(max = 200) String code) {
    }

    record SessionView(String session, Instant expiresAt, String hostId, String organization, String contactName,
            String language) {
    }

    /**
     * @param answer  {@code CONFIRMED}: the host receives the visit; {@code ANOTHER_TIME}: it asks for another time,
     *                which needs a message
     * @param sequence the visit's {@code sequence} as the page showed it
     */
    record AnswerRequest(@NotBlank @Size(max = 60) String convoyId, @NotNull UUID meetingId,
            @NotNull @Min(0) Integer sequence, @NotNull HostAnswer.Kind answer,
            @PlainText @Size(max = 1000) String message) {
    }

    record HostPageView(String hostId, String organization, String contactName, String language,
            List<VisitView> visits) {
    }

    record VisitView(String convoyId, UUID meetingId, int sequence, String title, OffsetDateTime startsAt,
            OffsetDateTime endsAt, String zone, String venue, String address, String cityName,
            List<Visitors.Visitor> visitors, AnswerView answer) {

        static VisitView of(HostPages.UpcomingVisit upcoming) {
            Meeting meeting = upcoming.visit().meeting();
            HostAnswer answer = meeting.hostAnswer();
            return new VisitView(upcoming.convoyId(), meeting.id(), meeting.sequence(), meeting.plan().title(),
                    meeting.localStart(), meeting.localEnd(), meeting.plan().zone(), meeting.plan().venue(),
                    meeting.plan().address(), meeting.plan().cityName(), upcoming.visit().visitors(),
                    answer == null ? null : new AnswerView(answer.kind().name(), answer.message(), answer.contactName(),
                            answer.at().atZone(meeting.zoneId()).toOffsetDateTime()));
        }
    }

    record AnswerView(String kind, String message, String contactName, OffsetDateTime at) {
    }

    @PostMapping("/api/scheduling/host-sessions")
    ResponseEntity<SessionView> open(@Valid @RequestBody CodeRequest request) {
        HostLinks.Session session = links.open(request.code().strip());
        HostLinks.Holder holder = session.holder();
        return ResponseEntity.status(HttpStatus.CREATED).body(new SessionView(session.token(), session.expiresAt(),
                holder.hostId(), holder.organization(), holder.name(), holder.language()));
    }

    @GetMapping("/api/scheduling/host-page")
    HostPageView page(@RequestHeader(value = HostLinks.HEADER, required = false) String session) {
        HostLinks.Holder holder = links.holder(session);
        return new HostPageView(holder.hostId(), holder.organization(), holder.name(), holder.language(),
                pages.upcoming(holder).stream().map(VisitView::of).toList());
    }

    @PostMapping("/api/scheduling/host-page/answers")
    VisitView answer(@RequestHeader(value = HostLinks.HEADER, required = false) String session,
            @Valid @RequestBody AnswerRequest request) {
        HostLinks.Holder holder = links.holder(session);
        String message = request.message() == null || request.message().isBlank() ? null : request.message().strip();
        if (request.answer() == HostAnswer.Kind.ANOTHER_TIME && message == null) {
            throw new FieldProblemException("message", "say which time would suit the host");
        }
        return VisitView.of(pages.answer(holder, request.convoyId(), request.meetingId(), request.sequence(),
                request.answer(), message));
    }
}
