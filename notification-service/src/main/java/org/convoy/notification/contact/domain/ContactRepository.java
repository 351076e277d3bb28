package org.convoy.notification.contact.domain;

import java.util.Collection;
import java.util.List;
import java.util.UUID;

import org.springframework.data.mongodb.repository.MongoRepository;

public interface ContactRepository extends MongoRepository<Contact, UUID> {

    /** The convoy's delegates who still take part (not withdrawn, not rejected). */
    List<Contact> findByConvoyIdAndDepartedFalse(String convoyId);

    List<Contact> findByConvoyIdIn(Collection<String> convoyIds);

    /** A host's contacts. */
    List<Contact> findByHostId(String hostId);
}
