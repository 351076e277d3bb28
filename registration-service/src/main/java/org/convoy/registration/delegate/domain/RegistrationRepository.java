package org.convoy.registration.delegate.domain;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.data.mongodb.repository.MongoRepository;

public interface RegistrationRepository extends MongoRepository<Registration, UUID> {

    Optional<Registration> findByMembersDelegateId(UUID delegateId);

    Optional<Registration> findByConvoyIdAndMembersEmailKey(String convoyId, String emailKey);

    Optional<Registration> findByIdempotencyKey(String idempotencyKey);

    List<Registration> findByConvoyId(String convoyId);

    List<Registration> findByPlaceStateAndSubmittedAtBefore(Registration.PlaceState placeState, Instant before);

    List<Registration> findByReleasePendingTrue();
}
