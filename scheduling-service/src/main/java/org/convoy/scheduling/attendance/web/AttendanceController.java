package org.convoy.scheduling.attendance.web;

import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;

import org.convoy.scheduling.attendance.Attendance;
import org.convoy.scheduling.attendance.web.AttendanceViews.AttendanceView;
import org.convoy.scheduling.attendance.web.AttendanceViews.CheckInView;
import org.convoy.scheduling.attendance.web.AttendanceViews.NoShowView;
import org.convoy.scheduling.attendance.web.AttendanceViews.SurveyView;
import org.convoy.scheduling.hostpage.HostLinks;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * Check-in at the venue (by organizers, or at the host's desk by one of its contacts with her host session), attendance
 * and no-shows for organizers, and the survey after the meeting for those who came.
 */
@RestController
class AttendanceController {

    private final Attendance attendance;
    private final HostLinks hosts;

    AttendanceController(Attendance attendance, HostLinks hosts) {
        this.attendance = attendance;
        this.hosts = hosts;
    }

    @PostMapping("/api/scheduling/convoys/{convoyId}/meetings/{meetingId}/check-ins")
    CheckInView checkIn(@PathVariable String convoyId, @PathVariable UUID meetingId,
            @Valid @RequestBody CheckInRequest request, Authentication caller) {
        return CheckInView.of(attendance.checkIn(convoyId, meetingId, request.token(), request.code(),
                "organizer:" + caller.getName()));
    }

    /** The host's desk: a contact of the meeting's host, with her session ({@value HostLinks#HEADER}), checks in. */
    @PostMapping("/api/scheduling/host-page/convoys/{convoyId}/meetings/{meetingId}/check-ins")
    CheckInView checkInAtHostDesk(@RequestHeader(value = HostLinks.HEADER, required = false) String session,
            @PathVariable String convoyId, @PathVariable UUID meetingId, @Valid @RequestBody CheckInRequest request) {
        HostLinks.Holder holder = hosts.holder(session);
        return CheckInView.of(attendance.checkInAtHostDesk(holder.hostId(), holder.contactId(), convoyId, meetingId,
                request.token(), request.code()));
    }

    @GetMapping("/api/scheduling/convoys/{convoyId}/meetings/{meetingId}/attendance")
    AttendanceView attendance(@PathVariable String convoyId, @PathVariable UUID meetingId) {
        return AttendanceView.of(attendance.presence(convoyId, meetingId));
    }

    @PostMapping("/api/scheduling/convoys/{convoyId}/meetings/{meetingId}/attendance/{delegateId}/excuse")
    AttendanceView excuse(@PathVariable String convoyId, @PathVariable UUID meetingId, @PathVariable UUID delegateId,
            @Valid @RequestBody ExcuseRequest request) {
        return AttendanceView.of(attendance.excuse(convoyId, meetingId, delegateId, request.reason()));
    }

    @GetMapping("/api/scheduling/convoys/{convoyId}/no-shows")
    List<NoShowView> noShows(@PathVariable String convoyId) {
        return attendance.noShows(convoyId).stream().map(NoShowView::of).toList();
    }

    /** Public: the survey pass in the address is the credential. */
    @GetMapping("/api/scheduling/surveys/{token}")
    SurveyView survey(@PathVariable String token) {
        return SurveyView.of(attendance.survey(token));
    }

    /** Public: the first answer, or a changed one, within a week of the meeting's end. */
    @PutMapping("/api/scheduling/surveys/{token}")
    SurveyView answer(@PathVariable String token, @Valid @RequestBody FeedbackRequest request) {
        return SurveyView.of(attendance.answer(token, request.toAnswer()));
    }
}
