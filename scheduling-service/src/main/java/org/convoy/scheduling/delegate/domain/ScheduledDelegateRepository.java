package org.convoy.scheduling.delegate.domain;

import java.util.List;
import java.util.UUID;

import org.springframework.data.mongodb.repository.MongoRepository;

public interface ScheduledDelegateRepository extends MongoRepository<ScheduledDelegate, UUID> {

    List<ScheduledDelegate> findByConvoyIdOrderByFamilyNameAscGivenNameAsc(String convoyId);
}
