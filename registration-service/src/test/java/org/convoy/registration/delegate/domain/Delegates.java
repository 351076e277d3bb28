package org.convoy.registration.delegate.domain;

import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import org.convoy.events.DelegateProfile;
import org.convoy.registration.delegate.domain.Vocabulary.Role;

/** Object Mother for delegates' profiles as a registration form produces them; every email address is new. */
final class Delegates {

    private static final AtomicInteger REGISTERED = new AtomicInteger();

    private Delegates() {
    }

    /** The municipal president of Zapopan. */
    static DelegateProfile mayor() {
        return profile(Role.MAYOR);
    }

    /** A member of a mayor's staff. */
    static DelegateProfile staff() {
        return profile(Role.STAFF);
    }

    static DelegateProfile businessDelegate() {
        return profile(Role.BUSINESS_DELEGATE);
    }

    static DelegateProfile stateRepresentative() {
        return profile(Role.STATE_REPRESENTATIVE);
    }

    /** A complete profile of someone registering in the given role. */
    static DelegateProfile profile(Role role) {
        int n = REGISTERED.incrementAndGet();
        return switch (role) {
            case MAYOR -> profile("María", "Hernández Núñez", "maria." + n + "@zapopan.gob.mx", role,
                    "Gobierno Municipal de Zapopan", "Presidenta Municipal");
            case STAFF -> profile("Luis", "Ramírez Ochoa", "luis." + n + "@zapopan.gob.mx", role,
                    "Gobierno Municipal de Zapopan", "Coordinador de Agenda");
            case STATE_REPRESENTATIVE -> profile("Ana", "Torres Villaseñor", "ana." + n + "@jalisco.gob.mx", role,
                    "Secretaría de Desarrollo Económico de Jalisco", "Directora de Promoción Internacional");
            case BUSINESS_DELEGATE -> profile("Jorge", "Castillo Peña", "jorge." + n + "@tapatia.mx", role,
                    "Cinematográfica Tapatía", "Director General");
        };
    }

    static DelegateProfile withOrganization(DelegateProfile profile, String organization) {
        return new DelegateProfile(profile.givenName(), profile.familyName(), profile.email(), profile.phone(),
                profile.preferredLanguage(), profile.role(), profile.state(), profile.municipality(), organization,
                profile.position(), profile.sectors(), profile.axes(), profile.channels(), profile.shareWithHosts());
    }

    static DelegateProfile withPosition(DelegateProfile profile, String position) {
        return new DelegateProfile(profile.givenName(), profile.familyName(), profile.email(), profile.phone(),
                profile.preferredLanguage(), profile.role(), profile.state(), profile.municipality(),
                profile.organization(), position, profile.sectors(), profile.axes(), profile.channels(),
                profile.shareWithHosts());
    }

    static DelegateProfile withPhone(DelegateProfile profile, String phone) {
        return new DelegateProfile(profile.givenName(), profile.familyName(), profile.email(), phone,
                profile.preferredLanguage(), profile.role(), profile.state(), profile.municipality(),
                profile.organization(), profile.position(), profile.sectors(), profile.axes(), profile.channels(),
                profile.shareWithHosts());
    }

    static DelegateProfile withFamilyName(DelegateProfile profile, String familyName) {
        return new DelegateProfile(profile.givenName(), familyName, profile.email(), profile.phone(),
                profile.preferredLanguage(), profile.role(), profile.state(), profile.municipality(),
                profile.organization(), profile.position(), profile.sectors(), profile.axes(), profile.channels(),
                profile.shareWithHosts());
    }

    private static DelegateProfile profile(String givenName, String familyName, String email, Role role,
            String organization, String position) {
        return new DelegateProfile(givenName, familyName, email, "+523312345678", "es", role.name(), "MX-JAL",
                "Zapopan", organization, position, List.of("CINEMATOGRAPHY", "FINTECH"), List.of("CREATIVE_INDUSTRIES"),
                Set.of("EMAIL", "SMS"), true);
    }
}
