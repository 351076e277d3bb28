package org.convoy.support.test;

import java.util.Locale;
import java.util.Map;
import java.util.function.BooleanSupplier;

import org.testcontainers.DockerClientFactory;

/**
 * Where the integration tests find Kafka and MongoDB. {@code auto} (the default) takes real containers
 * ({@link ContainersConfig}) when Docker is available and the embedded stand-ins (a KRaft broker and the
 * MongoDB-wire store in the test JVM) otherwise. Force one with the system property
 * {@code convoy.test.infrastructure} or the variable {@code CONVOY_TEST_INFRASTRUCTURE}:
 * {@code embedded} or {@code containers}.
 */
public enum InfrastructureMode {
    EMBEDDED, CONTAINERS;

    static final String PROPERTY = "convoy.test.infrastructure";
    static final String VARIABLE = "CONVOY_TEST_INFRASTRUCTURE";

    private static InfrastructureMode current;

    /** The mode of this test JVM, decided once and announced in one line. */
    public static synchronized InfrastructureMode current() {
        if (current == null) {
            String requested = System.getProperty(PROPERTY, System.getenv().getOrDefault(VARIABLE, "auto"));
            current = select(requested, () -> DockerClientFactory.instance().isDockerAvailable());
            System.out.println(describe(current, requested));
        }
        return current;
    }

    /**
     * @param requested       {@code auto}, {@code embedded} or {@code containers}
     * @param dockerAvailable asked only when the answer depends on it
     */
    static InfrastructureMode select(String requested, BooleanSupplier dockerAvailable) {
        String mode = requested == null ? "auto" : requested.strip().toLowerCase(Locale.ROOT);
        switch (mode) {
            case "embedded":
                return EMBEDDED;
            case "containers":
                if (!dockerAvailable.getAsBoolean()) {
                    throw new IllegalStateException("Test infrastructure 'containers' was asked for (" + PROPERTY
                            + " or " + VARIABLE + "), but no Docker environment is available");
                }
                return CONTAINERS;
            case "auto":
            case "":
                return dockerAvailable.getAsBoolean() ? CONTAINERS : EMBEDDED;
            default:
                throw new IllegalArgumentException("Unknown test infrastructure '" + requested
                        + "'; use auto, embedded or containers");
        }
    }

    static String describe(InfrastructureMode mode, String requested) {
        return Map.of(
                EMBEDDED, "auto".equalsIgnoreCase(requested)
                        ? "Test infrastructure: no Docker here, running on embedded Kafka (KRaft) and the MongoDB-wire store"
                        : "Test infrastructure: embedded Kafka (KRaft) and the MongoDB-wire store, as asked",
                CONTAINERS, "Test infrastructure: containers " + Containers.KAFKA_IMAGE + " and " + Containers.MONGO_IMAGE
                        + " (replica set)").get(mode);
    }
}
