package org.convoy.scheduling.meeting.web;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** Why a confirmed meeting is cancelled; attendees are told. */
record CancellationRequest(@NotBlank @Size(max = 300) String reason) {
}
