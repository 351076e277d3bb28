package org.convoy.support.test;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.kafka.test.EmbeddedKafkaBroker;

/** Beans every {@link ServiceIntegrationTest} can inject. */
@TestConfiguration(proxyBeanMethods = false)
public class TestInfrastructure {

    @Bean(destroyMethod = "close")
    TestEventPublisher testEventPublisher(EmbeddedKafkaBroker broker) {
        return new TestEventPublisher(broker);
    }
}
