package org.convoy.gateway.store;

import java.util.concurrent.TimeUnit;

import com.mongodb.MongoClientSettings;
import org.springframework.boot.mongodb.autoconfigure.MongoClientSettingsBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/** The store timeouts on the gateway's MongoDB client. */
@Configuration(proxyBeanMethods = false)
class StoreConfiguration {

    @Bean
    StoreTimeouts storeTimeouts(StoreProperties properties) {
        return new StoreTimeouts(properties);
    }

    /** Runs before Boot applies the connection string, so options written in {@code MONGODB_URI} win. */
    record StoreTimeouts(StoreProperties properties) implements MongoClientSettingsBuilderCustomizer, Ordered {

        @Override
        public void customize(MongoClientSettings.Builder settings) {
            settings.applyToClusterSettings(cluster -> cluster.serverSelectionTimeout(
                            properties.serverSelectionTimeout().toMillis(), TimeUnit.MILLISECONDS))
                    .applyToSocketSettings(socket -> socket
                            .connectTimeout(properties.connectTimeout().toMillis(), TimeUnit.MILLISECONDS)
                            .readTimeout(properties.readTimeout().toMillis(), TimeUnit.MILLISECONDS));
        }

        @Override
        public int getOrder() {
            return Ordered.HIGHEST_PRECEDENCE;
        }
    }
}
