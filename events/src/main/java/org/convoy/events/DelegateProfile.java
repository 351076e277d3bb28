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
 * @param channels          the channels the delegate consented to be notified on: {@code EMAIL}, {@code SMS},
 *                          {@code WHATSAPP} (texts fall back to SMS)
 * @param shareWithHosts    whether the delegate agreed that hosts' visitor lists show their organization and
 *                          position (their name is always shown, for entry to the venue); {@code null} from
 *                          producers older than this field means no
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
        Set<String> channels,
        Boolean shareWithHosts) {

    /** A profile without a decision on sharing with hosts (treated as no). */
    public DelegateProfile(String givenName, String familyName, String email, String phone, String preferredLanguage,
            String role, String state, String municipality, String organization, String position, List<String> sectors,
            List<String> axes, Set<String> channels) {
        this(givenName, familyName, email, phone, preferredLanguage, role, state, municipality, organization, position,
                sectors, axes, channels, null);
    }

    public boolean sharesWithHosts() {
        return Boolean.TRUE.equals(shareWithHosts);
    }

    public String fullName() {
        return givenName + " " + familyName;
    }
}
