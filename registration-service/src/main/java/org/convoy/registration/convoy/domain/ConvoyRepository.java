package org.convoy.registration.convoy.domain;

import java.util.List;

import org.springframework.data.mongodb.repository.MongoRepository;
import org.springframework.data.mongodb.repository.Query;

public interface ConvoyRepository extends MongoRepository<Convoy, String> {

    @Query("{ 'promotions.0': { $exists: true } }")
    List<Convoy> findWithPendingPromotions();
}
