package org.convoy.registration;

import org.convoy.support.test.ContainersConfig;
import org.convoy.support.test.TestSecrets;
import org.springframework.boot.SpringApplication;

/**
 * Starts the registration service on real MongoDB and Kafka in containers (Docker required), for trying it out
 * locally: run this class from the IDE, or {@code ./mvnw -pl registration-service spring-boot:test-run}.
 */
public final class TestRegistrationServiceApplication {

    private TestRegistrationServiceApplication() {
    }

    public static void main(String[] args) {
        TestSecrets.forThisProcess();
        SpringApplication.from(RegistrationServiceApplication::main).with(ContainersConfig.class).run(args);
    }
}
