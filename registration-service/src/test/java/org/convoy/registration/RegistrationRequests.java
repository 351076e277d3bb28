package org.convoy.registration;

import java.util.UUID;

/** Object Mother for registration bodies as a client sends them. */
final class RegistrationRequests {

    private RegistrationRequests() {
    }

    /** A valid mayor's registration with an email address no other test uses. */
    static String mayor(String email) {
        return """
                {
                  "convoyId": "california-2023",
                  "givenName": "María",
                  "familyName": "Hernández Núñez",
                  "email": "%s",
                  "phone": "+52 33 1234-5678",
                  "preferredLanguage": "es",
                  "role": "MAYOR",
                  "state": "MX-JAL",
                  "municipality": "Zapopan",
                  "organization": "Gobierno Municipal de Zapopan",
                  "position": "Presidenta Municipal",
                  "sectors": ["CINEMATOGRAPHY", "FINTECH"],
                  "axes": ["CREATIVE_INDUSTRIES"],
                  "channels": ["EMAIL", "SMS"],
                  "privacyConsent": true
                }""".formatted(email);
    }

    static String uniqueEmail() {
        return "maria." + UUID.randomUUID().toString().substring(0, 8) + "@zapopan.gob.mx";
    }
}
