package org.convoy.notification;

import org.convoy.support.test.ContainersConfig;
import org.convoy.support.test.TestSecrets;
import org.springframework.boot.SpringApplication;

/**
 * Starts the notification service on real MongoDB and Kafka in containers (Docker required), for trying it out
 * locally: run this class from the IDE, or {@code ./mvnw -pl notification-service spring-boot:test-run}.
 */
public final class TestNotificationServiceApplication {

    private TestNotificationServiceApplication() {
    }

    public static void main(String[] args) {
        TestSecrets.forThisProcess();
        SpringApplication.from(NotificationServiceApplication::main).with(ContainersConfig.class).run(args);
    }
}
