package org.convoy.scheduling.convoy.domain;

import org.springframework.data.mongodb.repository.MongoRepository;

public interface ConvoyRepository extends MongoRepository<Convoy, String> {
}
