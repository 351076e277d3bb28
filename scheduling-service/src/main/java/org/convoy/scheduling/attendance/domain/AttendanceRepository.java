package org.convoy.scheduling.attendance.domain;

import java.util.List;
import java.util.UUID;

import org.springframework.data.mongodb.repository.MongoRepository;

public interface AttendanceRepository extends MongoRepository<MeetingAttendance, UUID> {

    List<MeetingAttendance> findByConvoyId(String convoyId);
}
