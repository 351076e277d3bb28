package org.convoy.notification.meeting.domain;

import java.time.Instant;
import java.util.List;

import org.springframework.data.mongodb.repository.MongoRepository;

public interface CheckedInAttendeeRepository extends MongoRepository<CheckedInAttendee, String> {

    /** Attendees not yet asked for their feedback, of meetings that ended by {@code now}. */
    List<CheckedInAttendee> findBySurveyedFalseAndEndsAtLessThanEqual(Instant now);
}
