package org.convoy.notification.contact.domain;

import java.time.Instant;
import java.util.Set;
import java.util.UUID;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/** How to reach a delegate, copied from the delegate stream: only what sending notices needs. */
@Document(Contact.COLLECTION)
public record Contact(
        @Id UUID id,
        String convoyId,
        String givenName,
        String familyName,
        String email,
        String phone,
        String language,
        Set<String> channels,
        boolean waitlisted,
        Instant updatedAt) {

    public static final String COLLECTION = "contacts";
}
