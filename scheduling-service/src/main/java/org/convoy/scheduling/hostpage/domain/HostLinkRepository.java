package org.convoy.scheduling.hostpage.domain;

import java.util.Optional;
import java.util.UUID;

import org.springframework.data.mongodb.repository.MongoRepository;

public interface HostLinkRepository extends MongoRepository<HostLink, UUID> {

    Optional<HostLink> findByCodeHash(String codeHash);

    Optional<HostLink> findBySessionId(UUID sessionId);
}
