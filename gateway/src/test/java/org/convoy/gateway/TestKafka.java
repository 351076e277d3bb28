package org.convoy.gateway;

import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

/** A real KRaft broker for the tests that read the session stream: one per test JVM, started on first use. */
public final class TestKafka implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    private static EmbeddedKafkaKraftBroker broker;

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        TestPropertyValues.of("spring.kafka.bootstrap-servers=" + bootstrapServers()).applyTo(context);
    }

    public static synchronized String bootstrapServers() {
        if (broker == null) {
            broker = new EmbeddedKafkaKraftBroker(1, 1);
            broker.afterPropertiesSet();
            Runtime.getRuntime().addShutdownHook(new Thread(broker::destroy, "test-kafka-stop"));
        }
        return broker.getBrokersAsString();
    }
}
