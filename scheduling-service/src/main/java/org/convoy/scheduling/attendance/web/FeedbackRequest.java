package org.convoy.scheduling.attendance.web;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.convoy.scheduling.attendance.domain.FeedbackAnswer;
import org.convoy.support.text.PlainText;

/** An attendee's answer: a rating from 1 to 5, whether she would follow up, and an optional comment. */
record FeedbackRequest(@NotNull @Min(1) @Max(5) Integer rating, @NotNull Boolean followUp,
        @PlainText(multiline = true) @Size(max = 1000) String comment) {

    FeedbackAnswer toAnswer() {
        return new FeedbackAnswer(rating, followUp, comment == null || comment.isBlank() ? null : comment.strip());
    }
}
