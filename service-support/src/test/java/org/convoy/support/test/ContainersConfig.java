package org.convoy.support.test;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.testcontainers.service.connection.ServiceConnection;
import org.springframework.context.annotation.Bean;
import org.springframework.test.context.DynamicPropertyRegistrar;
import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.mongodb.MongoDBContainer;

/**
 * Real MongoDB and Kafka in containers, connected through {@code @ServiceConnection}. Used by the integration
 * tests when Docker is available, and by the {@code Test…Application} mains that start a service on containers.
 */
@TestConfiguration(proxyBeanMethods = false)
public class ContainersConfig {

    @Bean
    @ServiceConnection
    MongoDBContainer mongoContainer() {
        return Containers.mongo();
    }

    @Bean
    @ServiceConnection
    KafkaContainer kafkaContainer() {
        return Containers.kafka();
    }

    /** The Kafka binder reads its own brokers setting; point it at the container too. */
    @Bean
    DynamicPropertyRegistrar kafkaBinderBrokers(KafkaContainer kafka) {
        return registry -> {
            registry.add("spring.cloud.stream.kafka.binder.brokers", kafka::getBootstrapServers);
            registry.add("spring.kafka.bootstrap-servers", kafka::getBootstrapServers);
        };
    }
}
