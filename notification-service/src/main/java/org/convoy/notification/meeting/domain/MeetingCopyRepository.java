package org.convoy.notification.meeting.domain;

import java.util.List;
import java.util.UUID;

import org.springframework.data.mongodb.repository.MongoRepository;

public interface MeetingCopyRepository extends MongoRepository<MeetingCopy, UUID> {

    List<MeetingCopy> findByCancelledFalse();
}
