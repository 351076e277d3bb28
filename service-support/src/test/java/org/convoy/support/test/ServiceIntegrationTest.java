package org.convoy.support.test;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.context.TestPropertySource;

/**
 * A whole service on real infrastructure in this JVM: an embedded KRaft Kafka broker, the MongoDB-wire store and
 * a real HTTP port; a {@link TestEventPublisher} can be injected. Test classes with the same annotations share one cached context.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@EmbeddedKafka(partitions = 1, bootstrapServersProperty = "spring.kafka.bootstrap-servers")
@ContextConfiguration(initializers = MongoWireStore.class)
@Import(TestInfrastructure.class)
@TestPropertySource(properties = {
        "spring.cloud.stream.kafka.binder.brokers=${spring.kafka.bootstrap-servers}",
        "spring.cloud.stream.kafka.binder.min-partition-count=1",
        "convoy.outbox.poll-interval=100ms",
        "convoy.outbox.retry-backoff=200ms",
        "convoy.registration.settle-interval=1h",
        "logging.level.kafka=WARN",
        "logging.level.org.apache.kafka=WARN",
        "logging.level.state.change.logger=WARN" })
public @interface ServiceIntegrationTest {
}
