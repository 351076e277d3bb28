package org.convoy.support.security;

import java.util.Set;

/**
 * The secrets a service signs links with must be its operator's own: a service refuses to start with one missing,
 * too short, or equal to a value ever written in the product's sources (anyone could forge links with those). The
 * local platform generates its own on first start and keeps them with its data.
 */
public final class Secrets {

    /** The shortest secret accepted. */
    public static final int MIN_LENGTH = 32;

    /** Values that once shipped as defaults; they are public, so they are refused like a missing secret. */
    static final Set<String> KNOWN = Set.of("local-development-link-secret-change-me-0001",
            "local-development-preferences-secret-change-me", "compose-development-link-secret-change-me");

    private Secrets() {
    }

    /**
     * @param variable the environment variable that sets it, named in the refusal
     * @return the secret, when it may be used
     * @throws IllegalStateException naming the variable and how to set it, when it may not
     */
    public static String require(String variable, String value) {
        String how = " Set " + variable + " to a random secret of at least " + MIN_LENGTH
                + " characters, the same for every instance (for example: openssl rand -base64 48).";
        if (value == null || value.isBlank()) {
            throw new IllegalStateException(variable + " is not set." + how);
        }
        if (KNOWN.contains(value.strip())) {
            throw new IllegalStateException(variable + " is a value published with the product; anyone could forge "
                    + "links with it." + how);
        }
        if (value.length() < MIN_LENGTH) {
            throw new IllegalStateException(variable + " is too short." + how);
        }
        return value;
    }
}
