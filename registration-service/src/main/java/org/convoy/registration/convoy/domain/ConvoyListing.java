package org.convoy.registration.convoy.domain;

import java.time.Instant;
import java.time.LocalDate;

import org.convoy.events.ConvoyDetails;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * Registration's copy of a convoy's definition, kept from the convoy stream (scheduling owns convoys): whether it
 * takes registrations and when, how long its delegates' data is kept, and what the registration page shows of it.
 * Its places are the ledger's ({@code convoys}); this copy only tells the ledger when they change.
 *
 * @param sequence the publication this copy is from; an older one changes nothing
 */
@Document(ConvoyListing.COLLECTION)
public record ConvoyListing(@Id String id, int sequence, ConvoyDetails details) {

    public static final String COLLECTION = "convoy_definitions";

    /** Whether registration is open at this moment, or not yet, or no longer (or never, for a draft). */
    public RegistrationState registration(Instant now) {
        if (!"OPEN".equals(details.status()) || details.registration() == null) {
            return "DRAFT".equals(details.status()) ? RegistrationState.NOT_YET_OPEN : RegistrationState.CLOSED;
        }
        if (now.isBefore(details.registration().opensAt())) {
            return RegistrationState.NOT_YET_OPEN;
        }
        return now.isBefore(details.registration().closesAt()) ? RegistrationState.OPEN : RegistrationState.CLOSED;
    }

    public LocalDate retainUntil() {
        return details.retainUntil();
    }

    public enum RegistrationState { OPEN, NOT_YET_OPEN, CLOSED }
}
