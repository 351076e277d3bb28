package org.convoy.registration.delegate.domain;

import java.util.UUID;

import org.springframework.data.mongodb.repository.MongoRepository;

public interface DelegateRepository extends MongoRepository<Delegate, UUID> {
}
