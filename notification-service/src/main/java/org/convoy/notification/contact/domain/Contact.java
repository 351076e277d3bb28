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
        Instant updatedAt) {

    public static final String COLLECTION = "contacts";

    public ZoneId homeZone() {
        return zone == null ? ZoneId.of("America/Mexico_City") : ZoneId.of(zone);
    }

    public String fullName() {
        return givenName + " " + familyName;
    }

    public Contact withWaitlisted(boolean value) {
        return new Contact(id, convoyId, givenName, familyName, email, phone, language, channels, value, zone,
                emailOptOut, smsOptOut, textsConfirmed, departed, updatedAt);
    }

    public Contact withPreferences(boolean noEmail, boolean noSms, Instant at) {
        return new Contact(id, convoyId, givenName, familyName, email, phone, language, channels, waitlisted, zone,
                noEmail, noSms, textsConfirmed, departed, at);
    }

    public Contact withTextsConfirmed(Instant at) {
        return new Contact(id, convoyId, givenName, familyName, email, phone, language, channels, waitlisted, zone,
                emailOptOut, smsOptOut, true, departed, at);
    }

    /** She withdrew or was rejected: notices about her convoy as a whole no longer concern her. */
    public Contact withDeparted(Instant at) {
        return new Contact(id, convoyId, givenName, familyName, email, phone, language, channels, waitlisted, zone,
                emailOptOut, smsOptOut, textsConfirmed, true, at);
    }
}
