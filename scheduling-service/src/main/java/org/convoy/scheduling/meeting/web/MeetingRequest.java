package org.convoy.scheduling.meeting.web;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.convoy.events.Axis;
import org.convoy.events.Sector;
import org.convoy.scheduling.meeting.PlanInput;
import org.convoy.support.text.PlainText;

/** A meeting as an organizer plans it; the venue comes from the host catalogue. */
record MeetingRequest(
        @NotBlank @Size(max = 40) String hostId,
        @NotNull OffsetDateTime startsAt,
        @NotNull OffsetDateTime endsAt,
        @NotNull Axis axis,
        @NotNull Sector sector,
        @PlainText @Size(max = 200) String title,
        @NotNull @Size(min = 1, max = 200) List<@NotNull UUID> attendeeIds) {

    PlanInput toInput() {
        return new PlanInput(hostId, startsAt.toInstant(), endsAt.toInstant(), axis, sector,
                title == null || title.isBlank() ? null : title.strip(), attendeeIds);
    }
}
