package org.convoy.registration.delegate.web;

import java.util.Optional;

/**
 * Mobile numbers as delegates type them, normalised to E.164. Mexican numbers: {@code +52 33 1234 5678},
 * {@code 33 1234 5678} (ten digits, taken as Mexican), {@code 044 33 1234 5678} and {@code +52 1 33 1234 5678}
 * (the old mobile prefixes, dropped). US numbers: {@code +1 (415) 555-0100} or {@code 1-415-555-0100}. Any other
 * country with its {@code +} code.
 */
final class PhoneNumbers {

    static final String ACCEPTED = "\\+?[0-9 ().-]{8,24}";
    static final String MESSAGE = "must be a mobile number such as +52 33 1234 5678 or +1 415 555 0100";

    private PhoneNumbers() {
    }

    static Optional<String> normalize(String raw) {
        if (raw == null || raw.isBlank()) {
            return Optional.empty();
        }
        boolean international = raw.strip().startsWith("+") || raw.strip().startsWith("00");
        String digits = raw.replaceAll("[^0-9]", "");
        if (raw.strip().startsWith("00")) {
            digits = digits.substring(2);
        }
        if (!international) {
            if (digits.length() == 13 && (digits.startsWith("044") || digits.startsWith("045"))) {
                digits = "52" + digits.substring(3);
            } else if (digits.length() == 10) {
                digits = "52" + digits;
            } else if (digits.length() == 11 && digits.startsWith("1")) {
                // North American number written with its country code but no plus sign
            } else {
                return Optional.empty();
            }
        }
        if (digits.startsWith("521") && digits.length() == 13) {
            digits = "52" + digits.substring(3);
        }
        if (digits.startsWith("52") && digits.length() != 12) {
            return Optional.empty();
        }
        if (digits.startsWith("1") && (digits.length() != 11 || digits.charAt(1) < '2' || digits.charAt(4) < '2')) {
            return Optional.empty();
        }
        if (digits.length() < 8 || digits.length() > 15 || digits.startsWith("0")) {
            return Optional.empty();
        }
        return Optional.of("+" + digits);
    }
}
