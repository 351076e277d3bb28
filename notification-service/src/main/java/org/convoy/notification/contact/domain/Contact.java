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
 * @param channels    the channels she chose: {@code EMAIL}, {@code SMS}, {@code WHATSAPP}
 * @param optOuts     the routine notices she does not want: {@code CHANNEL} for none on that channel,
 *                    {@code CHANNEL:kind} for none of that kind on it; what she must know arrives regardless
 * @param textsConfirmed the number is confirmed as the delegate's (she opened her personal link, or an organizer
 *                       approved her): nothing goes to it before
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
        Set<String> optOuts,
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
                optOuts, textsConfirmed, departed, updatedAt, municipality, hostId);
    }

    /** Whether she opted out of routine notices of this kind on this channel. */
    public boolean optedOut(String channel, String kind) {
        return optOuts != null && (optOuts.contains(channel) || optOuts.contains(channel + ":" + kind));
    }

    public Contact withOptOuts(Set<String> chosen, Instant at) {
        return new Contact(id, convoyId, givenName, familyName, email, phone, language, channels, waitlisted, zone,
                Set.copyOf(chosen), textsConfirmed, departed, at, municipality, hostId);
    }

    public Contact withTextsConfirmed(Instant at) {
        return new Contact(id, convoyId, givenName, familyName, email, phone, language, channels, waitlisted, zone,
                optOuts, true, departed, at, municipality, hostId);
    }

    /** She withdrew or was rejected: notices about her convoy as a whole no longer concern her. */
    public Contact withDeparted(Instant at) {
        return new Contact(id, convoyId, givenName, familyName, email, phone, language, channels, waitlisted, zone,
                optOuts, textsConfirmed, true, at, municipality, hostId);
    }
}
