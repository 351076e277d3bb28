package org.convoy.scheduling.meeting.web;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.convoy.support.text.PlainText;

/** Why a confirmed meeting is cancelled; attendees are told. */
record CancellationRequest(@PlainText(multiline = true) @NotBlank @Size(max = 300) String reason) {
}
