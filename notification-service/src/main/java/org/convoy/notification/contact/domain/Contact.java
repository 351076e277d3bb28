package org.convoy.notification.contact.domain;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Set;
import java.util.UUID;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * How to reach a delegate, copied from the delegate stream: only what sending notices needs, plus the delegate's
 * own notice preferences.
 *
 * @param zone        the delegate's home zone (from their state), for quiet hours
 * @param emailOptOut the delegate asked for no email beyond what they must receive
 * @param smsOptOut   the delegate asked for no texts beyond what they must receive
 * @param textsConfirmed the number is confirmed as the delegate's (she opened her personal link, or an organizer
 *                       approved her): no text goes to it before
 * @param municipality   the delegate's municipality, to tell a host who comes; {@code null} for contacts kept before
 * @param hostId         for a host contact (from the host stream, by email only), her host; {@code null} for a delegate
 */
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
        String zone,
        boolean emailOptOut,
        boolean smsOptOut,
        boolean textsConfirmed,
        boolean departed,
        Instant updatedAt,
        String municipality,
        String hostId) {

    public static final String COLLECTION = "contacts";

    public ZoneId homeZone() {
        return zone == null ? ZoneId.of("America/Mexico_City") : ZoneId.of(zone);
    }

    /** A host contact is known by one name, kept as her given name. */
    public String fullName() {
        return familyName == null || familyName.isBlank() ? givenName : givenName + " " + familyName;
    }

    public Contact withWaitlisted(boolean value) {
        return new Contact(id, convoyId, givenName, familyName, email, phone, language, channels, value, zone,
                emailOptOut, smsOptOut, textsConfirmed, departed, updatedAt, municipality, hostId);
    }

    public Contact withPreferences(boolean noEmail, boolean noSms, Instant at) {
        return new Contact(id, convoyId, givenName, familyName, email, phone, language, channels, waitlisted, zone,
                noEmail, noSms, textsConfirmed, departed, at, municipality, hostId);
    }

    public Contact withTextsConfirmed(Instant at) {
        return new Contact(id, convoyId, givenName, familyName, email, phone, language, channels, waitlisted, zone,
                emailOptOut, smsOptOut, true, departed, at, municipality, hostId);
    }

    /** She withdrew or was rejected: notices about her convoy as a whole no longer concern her. */
    public Contact withDeparted(Instant at) {
        return new Contact(id, convoyId, givenName, familyName, email, phone, language, channels, waitlisted, zone,
                emailOptOut, smsOptOut, textsConfirmed, true, at, municipality, hostId);
    }
}
