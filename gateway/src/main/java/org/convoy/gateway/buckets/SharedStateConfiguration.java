package org.convoy.gateway.buckets;

import java.time.Clock;

import io.micrometer.core.instrument.MeterRegistry;
import org.convoy.gateway.web.GatewayProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * One store for the buckets of every limit: Redis when {@code convoy.gateway.shared-state.redis-url} is set, so that
 * all gateway instances count together; otherwise this instance's memory, with nothing of Redis started.
 */
@Configuration(proxyBeanMethods = false)
class SharedStateConfiguration {

    @Bean
    BucketStore bucketStore(GatewayProperties properties, MeterRegistry meters) {
        GatewayProperties.SharedState shared = properties.sharedState();
        if (!shared.configured()) {
            return BucketStore.inMemory(Clock.systemUTC());
        }
        return new RedisBucketStore(shared.redisUrl(), shared.timeout(), Clock.systemUTC(), meters);
    }
}
