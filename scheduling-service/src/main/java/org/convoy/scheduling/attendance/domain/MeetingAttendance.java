package org.convoy.scheduling.attendance.domain;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Predicate;

import org.convoy.events.AttendanceEvent;
import org.convoy.events.AttendeeCheckedIn;
import org.convoy.events.AttendeeExcused;
import org.convoy.events.FeedbackGiven;
import org.convoy.support.outbox.OutboxEntry;
import org.convoy.support.outbox.Outboxed;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * Who came to one confirmed meeting, who was excused, and what those who came thought of it: one document per
 * meeting, apart from the meeting itself, so a rush at the venue's desk never waits for the convoy's schedule. Each
 * change and the event it causes are one write ({@link AttendanceEvent} in the outbox); a change that changes
 * nothing (a second scan, the same answer again) records nothing.
 */
@Document(MeetingAttendance.COLLECTION)
public record MeetingAttendance(@Id UUID meetingId, String convoyId, List<Arrival> arrivals, List<Excuse> excuses,
        List<Feedback> feedback, List<OutboxEntry> outbox, @Version Long version) implements Outboxed {

    public static final String COLLECTION = "attendance";

    public MeetingAttendance {
        arrivals = arrivals == null ? List.of() : List.copyOf(arrivals);
        excuses = excuses == null ? List.of() : List.copyOf(excuses);
        feedback = feedback == null ? List.of() : List.copyOf(feedback);
        outbox = outbox == null ? List.of() : List.copyOf(outbox);
    }

    /** @param by who scanned or typed her code: an organizer's user name, or a host desk */
    public record Arrival(UUID delegateId, Instant at, String by) {
    }

    public record Excuse(UUID delegateId, String reason, Instant at) {
    }

    /** An attendee's answer to the survey; {@code revision} counts her answers. */
    public record Feedback(UUID delegateId, int rating, boolean followUp, String comment, int revision,
            Instant answeredAt) {

        boolean sameAnswer(FeedbackAnswer answer) {
            return rating == answer.rating() && followUp == answer.followUp()
                    && java.util.Objects.equals(comment, answer.comment());
        }
    }

    public static MeetingAttendance none(UUID meetingId, String convoyId) {
        return new MeetingAttendance(meetingId, convoyId, List.of(), List.of(), List.of(), List.of(), null);
    }

    public Optional<Arrival> arrivalOf(UUID delegateId) {
        return find(arrivals, arrival -> arrival.delegateId().equals(delegateId));
    }

    public Optional<Excuse> excuseOf(UUID delegateId) {
        return find(excuses, excuse -> excuse.delegateId().equals(delegateId));
    }

    public Optional<Feedback> feedbackOf(UUID delegateId) {
        return find(feedback, answer -> answer.delegateId().equals(delegateId));
    }

    /** She arrived; once only: a later scan leaves the first arrival as it was. */
    public MeetingAttendance checkIn(UUID delegateId, String by, Instant now, Instant endsAt, String zone) {
        if (arrivalOf(delegateId).isPresent()) {
            return this;
        }
        List<Arrival> arrived = new ArrayList<>(arrivals);
        arrived.add(new Arrival(delegateId, now, by));
        List<Excuse> stillExcused = excuses.stream().filter(excuse -> !excuse.delegateId().equals(delegateId)).toList();
        return new MeetingAttendance(meetingId, convoyId, arrived, stillExcused, feedback, outbox, version).recording(
                new AttendeeCheckedIn(UUID.randomUUID(), now, AttendeeCheckedIn.SCHEMA_VERSION, meetingId, convoyId,
                        delegateId, now, endsAt, zone));
    }

    /** Her absence is excused; once only, and never for someone who came. */
    public MeetingAttendance excuse(UUID delegateId, String reason, Instant now) {
        if (excuseOf(delegateId).isPresent() || arrivalOf(delegateId).isPresent()) {
            return this;
        }
        List<Excuse> excused = new ArrayList<>(excuses);
        excused.add(new Excuse(delegateId, reason, now));
        return new MeetingAttendance(meetingId, convoyId, arrivals, excused, feedback, outbox, version).recording(
                new AttendeeExcused(UUID.randomUUID(), now, AttendeeExcused.SCHEMA_VERSION, meetingId, convoyId,
                        delegateId, reason));
    }

    /** Her answer, first or changed; the same answer again records nothing. */
    public MeetingAttendance answer(UUID delegateId, FeedbackAnswer answer, Instant now) {
        Optional<Feedback> earlier = feedbackOf(delegateId);
        if (earlier.isPresent() && earlier.get().sameAnswer(answer)) {
            return this;
        }
        int revision = earlier.map(Feedback::revision).orElse(0) + 1;
        List<Feedback> answers = new ArrayList<>(feedback.stream()
                .filter(given -> !given.delegateId().equals(delegateId)).toList());
        answers.add(new Feedback(delegateId, answer.rating(), answer.followUp(), answer.comment(), revision, now));
        return new MeetingAttendance(meetingId, convoyId, arrivals, excuses, answers, outbox, version).recording(
                new FeedbackGiven(UUID.randomUUID(), now, FeedbackGiven.SCHEMA_VERSION, meetingId, convoyId,
                        delegateId, answer.rating(), answer.followUp(), answer.comment(), revision));
    }

    private MeetingAttendance recording(AttendanceEvent event) {
        List<OutboxEntry> pending = new ArrayList<>(outbox);
        pending.add(OutboxEntry.of(event));
        return new MeetingAttendance(meetingId, convoyId, arrivals, excuses, feedback, pending, version);
    }

    @Override
    public List<OutboxEntry> pendingEvents() {
        return outbox;
    }

    private static <T> Optional<T> find(List<T> items, Predicate<T> wanted) {
        return items.stream().filter(wanted).findFirst();
    }
}
