package org.convoy.scheduling.host.domain;

import java.util.List;

import org.springframework.data.mongodb.repository.MongoRepository;

public interface HostRepository extends MongoRepository<Host, String> {

    List<Host> findByConvoyIdOrderByName(String convoyId);

    /** The host in every convoy it takes part in. */
    List<Host> findByHostId(String hostId);

    /** Whether the host takes part in any convoy. */
    boolean existsByHostId(String hostId);
}
