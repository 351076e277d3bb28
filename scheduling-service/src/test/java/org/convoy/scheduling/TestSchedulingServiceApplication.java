package org.convoy.scheduling;

import org.convoy.support.test.ContainersConfig;
import org.convoy.support.test.TestSecrets;
import org.springframework.boot.SpringApplication;

/**
 * Starts the scheduling service on real MongoDB and Kafka in containers (Docker required), for trying it out
 * locally: run this class from the IDE, or {@code ./mvnw -pl scheduling-service spring-boot:test-run}.
 */
public final class TestSchedulingServiceApplication {

    private TestSchedulingServiceApplication() {
    }

    public static void main(String[] args) {
        TestSecrets.forThisProcess();
        SpringApplication.from(SchedulingServiceApplication::main).with(ContainersConfig.class).run(args);
    }
}
