package org.convoy.registration.delegate.domain;

import java.time.Instant;

/** The privacy policy version the delegate accepted, and when. */
public record PrivacyConsent(String policyVersion, Instant consentedAt) {
}
