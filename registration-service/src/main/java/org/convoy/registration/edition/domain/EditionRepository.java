package org.convoy.registration.edition.domain;

import java.util.List;

import org.springframework.data.mongodb.repository.MongoRepository;
import org.springframework.data.mongodb.repository.Query;

public interface EditionRepository extends MongoRepository<Edition, String> {

    @Query("{ 'promotions.0': { $exists: true } }")
    List<Edition> findWithPendingPromotions();
}
