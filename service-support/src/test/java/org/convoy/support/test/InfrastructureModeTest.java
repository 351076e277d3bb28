package org.convoy.support.test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.context.support.GenericApplicationContext;
import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.mongodb.MongoDBContainer;

/** How the integration tests choose between containers and the embedded stand-ins, in both modes. */
class InfrastructureModeTest {

    private static final BooleanSupplier DOCKER = () -> true;
    private static final BooleanSupplier NO_DOCKER = () -> false;

    @Test
    void autoTakesContainersWhereDockerIsAvailableAndEmbeddedWhereItIsNot() {
        assertThat(InfrastructureMode.select("auto", DOCKER)).isEqualTo(InfrastructureMode.CONTAINERS);
        assertThat(InfrastructureMode.select("auto", NO_DOCKER)).isEqualTo(InfrastructureMode.EMBEDDED);
        assertThat(InfrastructureMode.select(null, NO_DOCKER)).isEqualTo(InfrastructureMode.EMBEDDED);
        assertThat(InfrastructureMode.select(" AUTO ", DOCKER)).isEqualTo(InfrastructureMode.CONTAINERS);
    }

    @Test
    void embeddedIsTakenWhenAskedForWithoutLookingForDocker() {
        AtomicInteger asked = new AtomicInteger();

        assertThat(InfrastructureMode.select("embedded", () -> asked.incrementAndGet() > 0))
                .isEqualTo(InfrastructureMode.EMBEDDED);
        assertThat(asked).hasValue(0);
    }

    @Test
    void containersWithoutDockerFailClearlyInsteadOfFallingBack() {
        assertThat(InfrastructureMode.select("containers", DOCKER)).isEqualTo(InfrastructureMode.CONTAINERS);
        assertThatThrownBy(() -> InfrastructureMode.select("containers", NO_DOCKER))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("no Docker environment").hasMessageContaining("convoy.test.infrastructure");
        assertThatThrownBy(() -> InfrastructureMode.select("docker-please", DOCKER))
                .hasMessageContaining("use auto, embedded or containers");
    }

    @Test
    void eachModeIsAnnouncedInOneLine() {
        assertThat(InfrastructureMode.describe(InfrastructureMode.EMBEDDED, "auto"))
                .isEqualTo("Test infrastructure: no Docker here, running on embedded Kafka (KRaft) and the MongoDB-wire store");
        assertThat(InfrastructureMode.describe(InfrastructureMode.CONTAINERS, "auto"))
                .isEqualTo("Test infrastructure: containers apache/kafka:4.1.1 and mongo:8.0.4 (replica set)");
    }

    @Test
    void containerModeWiresTheSharedServiceConnectionConfiguration() {
        try (GenericApplicationContext context = new GenericApplicationContext()) {
            TestPropertyValues.of("spring.application.name=probe").applyTo(context);
            new TestInfrastructureInitializer().initialize(context, InfrastructureMode.CONTAINERS);

            assertThat(context.getBeanDefinitionNames()).anyMatch(name -> name.contains("ContainersConfig"));
            assertThat(context.getEnvironment().getProperty("spring.cloud.stream.default.group"))
                    .startsWith("probe-");
            assertThat(context.getEnvironment().getProperty("spring.mongodb.uri")).isNull();
        }
    }

    @Test
    void embeddedModeGivesEachContextItsOwnDatabaseOnTheSharedStoreAndBroker() {
        try (GenericApplicationContext first = new GenericApplicationContext();
                GenericApplicationContext second = new GenericApplicationContext()) {
            new TestInfrastructureInitializer().initialize(first, InfrastructureMode.EMBEDDED);
            new TestInfrastructureInitializer().initialize(second, InfrastructureMode.EMBEDDED);

            String firstUri = first.getEnvironment().getProperty("spring.mongodb.uri");
            String secondUri = second.getEnvironment().getProperty("spring.mongodb.uri");
            assertThat(firstUri).startsWith("mongodb://127.0.0.1:").isNotEqualTo(secondUri);
            assertThat(first.getEnvironment().getProperty("spring.cloud.stream.kafka.binder.brokers"))
                    .isEqualTo(second.getEnvironment().getProperty("spring.kafka.bootstrap-servers"));
        }
    }

    /** Building the containers needs no Docker; starting them does, and happens only in containers mode. */
    @Test
    void theContainersArePinnedToTheComposeImages() {
        ContainersConfig config = new ContainersConfig();

        MongoDBContainer mongo = config.mongoContainer();
        KafkaContainer kafka = config.kafkaContainer();

        assertThat(mongo.getImage().toString()).contains("imageName=" + Containers.MONGO_IMAGE);
        assertThat(kafka.getImage().toString()).contains("imageName=" + Containers.KAFKA_IMAGE);
        assertThat(Containers.MONGO_IMAGE).isEqualTo("mongo:8.0.4");
        assertThat(Containers.KAFKA_IMAGE).isEqualTo("apache/kafka:4.1.1");
        assertThat(mongo.isRunning()).isFalse();
        assertThat(kafka.isRunning()).isFalse();
    }
}
