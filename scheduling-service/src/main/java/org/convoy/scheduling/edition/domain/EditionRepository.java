package org.convoy.scheduling.edition.domain;

import org.springframework.data.mongodb.repository.MongoRepository;

public interface EditionRepository extends MongoRepository<Edition, String> {
}
