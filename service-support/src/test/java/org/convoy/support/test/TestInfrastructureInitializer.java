package org.convoy.support.test;

import java.util.UUID;

import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.support.GenericApplicationContext;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

/**
 * Gives a test context its Kafka and MongoDB according to {@link InfrastructureMode}: the containers of
 * {@link ContainersConfig}, or one embedded KRaft broker and one MongoDB-wire store shared by the test JVM. Either
 * way each context gets its own database and its own consumer groups, and checks tokens against
 * {@link TestTokens}' keys.
 */
public final class TestInfrastructureInitializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    private static EmbeddedKafkaKraftBroker embeddedKafka;

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        initialize(context, InfrastructureMode.current());
    }

    void initialize(ConfigurableApplicationContext context, InfrastructureMode mode) {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        TestPropertyValues.of("spring.cloud.stream.default.group=${spring.application.name}-" + suffix,
                // As the variable the shared defaults read, so that a test can still set convoy.security.jwks-uri.
                "JWKS_URI=" + TestTokens.jwksUri()).applyTo(context);
        TestSecrets.applyTo(context);
        if (mode == InfrastructureMode.CONTAINERS) {
            ((GenericApplicationContext) context).registerBean(ContainersConfig.class);
            return;
        }
        String kafka = embeddedKafka();
        TestPropertyValues.of(
                "spring.mongodb.uri=" + MongoWireStore.connectionString("test-" + suffix),
                "spring.kafka.bootstrap-servers=" + kafka,
                "spring.cloud.stream.kafka.binder.brokers=" + kafka).applyTo(context);
    }

    private static synchronized String embeddedKafka() {
        if (embeddedKafka == null) {
            embeddedKafka = new EmbeddedKafkaKraftBroker(1, 1);
            embeddedKafka.afterPropertiesSet();
            Runtime.getRuntime().addShutdownHook(new Thread(embeddedKafka::destroy, "embedded-kafka-stop"));
        }
        return embeddedKafka.getBrokersAsString();
    }
}
