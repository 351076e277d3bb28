package org.convoy.support.test;

import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The secrets services under test run with (a service refuses to start without secrets of its own). Tests that
 * make personal or preference links themselves sign them with these.
 */
public final class TestSecrets {

    public static final String LINK = "test-link-secret-9f1c2e7a4b8d3f6e0a5c9b2d7e4f1a8c";
    public static final String PREFERENCES = "test-preferences-secret-3e8b1d6f9a2c5e7b0d4f8a1c6e3b9d2f";
    public static final String DELEGATE_DATA = "test-delegate-data-secret-7a2d9c4e1f8b3a6d0c5e9f2b7d4a1c8e";

    private TestSecrets() {
    }

    static void applyTo(ConfigurableApplicationContext context) {
        TestPropertyValues.of("REGISTRATION_LINK_SECRET=" + LINK, "NOTIFICATION_PREFERENCES_SECRET=" + PREFERENCES,
                "DELEGATE_DATA_SECRET=" + DELEGATE_DATA).applyTo(context);
    }

    /** For a service started by hand on test infrastructure ({@code TestXxxServiceApplication}). */
    public static void forThisProcess() {
        System.setProperty("REGISTRATION_LINK_SECRET", LINK);
        System.setProperty("NOTIFICATION_PREFERENCES_SECRET", PREFERENCES);
        System.setProperty("DELEGATE_DATA_SECRET", DELEGATE_DATA);
    }
}
