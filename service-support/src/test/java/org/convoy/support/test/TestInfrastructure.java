package org.convoy.support.test;

import org.convoy.events.Topics;
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

    /** Everything published on the delegate stream since the context started, read as an outside consumer. */
    @Bean(destroyMethod = "close")
    EventProbe delegateStreamProbe(Environment environment) {
        return new EventProbe(environment.getRequiredProperty("spring.cloud.stream.kafka.binder.brokers"),
                Topics.DELEGATES);
    }

    /** Opens the sealed profiles of delegate events with the keys on the key stream. */
    @Bean(destroyMethod = "close")
    SealedProfiles sealedProfiles(Environment environment) {
        return new SealedProfiles(environment.getRequiredProperty("spring.cloud.stream.kafka.binder.brokers"));
    }
}
