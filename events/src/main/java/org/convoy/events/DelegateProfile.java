package org.convoy.events;

import java.util.List;
import java.util.Set;

/**
 * The personal data of a delegate that other services need: scheduling (names, organization, role, interests)
 * and notification (contact details, language, consented channels).
 *
 * @param phone             mobile number in E.164, or {@code null} when none was given
 * @param preferredLanguage {@code es} or {@code en}
 * @param role              {@code MAYOR}, {@code STATE_REPRESENTATIVE}, {@code BUSINESS_DELEGATE} or {@code STAFF}
 * @param state             ISO 3166-2 code of the Mexican federal entity, e.g. {@code MX-JAL}
 * @param channels          the channels the delegate consented to be notified on: {@code EMAIL}, {@code SMS}
 */
public record DelegateProfile(
        String givenName,
        String familyName,
        String email,
        String phone,
        String preferredLanguage,
        String role,
        String state,
        String municipality,
        String organization,
        String position,
        List<String> sectors,
        List<String> axes,
        Set<String> channels) {

    public String fullName() {
        return givenName + " " + familyName;
    }
}
