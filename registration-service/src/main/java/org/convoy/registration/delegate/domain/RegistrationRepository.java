package org.convoy.registration.delegate.domain;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.data.mongodb.repository.MongoRepository;
import org.springframework.data.mongodb.repository.Query;

public interface RegistrationRepository extends MongoRepository<Registration, UUID> {

    Optional<Registration> findByMembersDelegateId(UUID delegateId);

    @Query("{ 'members.linkCode.hash': ?0 }")
    Optional<Registration> findByMembersLinkCodeHash(String linkCodeHash);

    Optional<Registration> findByConvoyIdAndMembersEmailKey(String convoyId, String emailKey);

    Optional<Registration> findByIdempotencyKey(String idempotencyKey);

    List<Registration> findByConvoyId(String convoyId);

    List<Registration> findByPlaceStateAndSubmittedAtBefore(Registration.PlaceState placeState, Instant before);

    List<Registration> findByReleasePendingTrue();
}
