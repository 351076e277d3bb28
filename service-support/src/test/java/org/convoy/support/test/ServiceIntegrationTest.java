package org.convoy.support.test;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.context.TestPropertySource;

/**
 * A whole service on real infrastructure and a real HTTP port: Kafka and MongoDB in containers where Docker is
 * available, otherwise an embedded KRaft broker and the MongoDB-wire store in this JVM (see
 * {@link InfrastructureMode}). A {@link TestEventPublisher} and an {@link EventProbe} on the delegate stream can
 * be injected. Test classes with the same annotations share one cached context.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ContextConfiguration(initializers = TestInfrastructureInitializer.class)
@Import(TestInfrastructure.class)
@TestPropertySource(properties = {
        "convoy.topics.partitions=1",
        "convoy.outbox.poll-interval=100ms",
        "convoy.outbox.retry-backoff=200ms",
        "convoy.inbox.lag-every=500ms",
        "convoy.registration.settle-interval=1h",
        // Tests call from one address many times a minute; PublicCallLimitIT checks the limit itself.
        "convoy.security.public-call-limit.calls=1000000",
        "logging.level.kafka=WARN",
        "logging.level.org.apache.kafka=WARN",
        "logging.level.state.change.logger=WARN" })
public @interface ServiceIntegrationTest {
}
