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
 * A whole service as {@link ServiceIntegrationTest} runs it, but on {@link StoppableStore}: the test stops the store
 * ({@code StoppableStore.server().stop()}) and starts it again ({@code restart()}) while the service runs.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ContextConfiguration(initializers = StoppableStore.class)
@Import(TestInfrastructure.class)
@TestPropertySource(properties = {
        "convoy.topics.partitions=1",
        "convoy.outbox.poll-interval=100ms",
        "convoy.outbox.retry-backoff=200ms",
        "convoy.registration.settle-interval=1h",
        "convoy.security.public-call-limit.calls=1000000",
        "logging.level.kafka=WARN",
        "logging.level.org.apache.kafka=WARN",
        "logging.level.state.change.logger=WARN" })
public @interface StoreOutageTest {
}
