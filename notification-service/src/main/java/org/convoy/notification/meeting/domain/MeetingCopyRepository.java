package org.convoy.notification.meeting.domain;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.springframework.data.mongodb.repository.MongoRepository;

public interface MeetingCopyRepository extends MongoRepository<MeetingCopy, UUID> {

    List<MeetingCopy> findByCancelledFalse();

    /** Meetings still on that start after {@code from} and before {@code to}. */
    List<MeetingCopy> findByCancelledFalseAndDetailsStartsAtBetween(Instant from, Instant to);

    /** A convoy's meetings still on that start after {@code from} and before {@code to}. */
    List<MeetingCopy> findByConvoyIdAndCancelledFalseAndDetailsStartsAtBetween(String convoyId, Instant from,
            Instant to);
}
