package org.convoy.notification.contact.domain;

import java.util.UUID;

import org.springframework.data.mongodb.repository.MongoRepository;

public interface ContactRepository extends MongoRepository<Contact, UUID> {
}
