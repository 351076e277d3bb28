package org.convoy.gateway.buckets;

import java.time.Clock;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** One store for the buckets of every limit: this instance's memory. */
@Configuration(proxyBeanMethods = false)
class SharedStateConfiguration {

    @Bean
    BucketStore bucketStore() {
        return BucketStore.inMemory(Clock.systemUTC());
    }
}
