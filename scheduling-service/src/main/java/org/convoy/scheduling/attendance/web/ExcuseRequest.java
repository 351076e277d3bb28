package org.convoy.scheduling.attendance.web;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.convoy.support.text.PlainText;

/** Why an attendee's absence is excused. */
record ExcuseRequest(@PlainText(multiline = true) @NotBlank @Size(max = 300) String reason) {
}
