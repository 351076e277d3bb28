package org.convoy.support.test;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;

/** Beans every {@link ServiceIntegrationTest} can inject. */
@TestConfiguration(proxyBeanMethods = false)
public class TestInfrastructure {

    @Bean(destroyMethod = "close")
    TestEventPublisher testEventPublisher(Environment environment) {
        return new TestEventPublisher(environment.getRequiredProperty("spring.cloud.stream.kafka.binder.brokers"));
    }
}
