package org.convoy.scheduling.host.domain;

import java.util.List;

import org.springframework.data.mongodb.repository.MongoRepository;

public interface HostDirectoryRepository extends MongoRepository<DirectoryHost, String> {

    /** The host organizations with a venue in a city. */
    List<DirectoryHost> findByVenuesCity(String city);
}
