package org.convoy.support.store;

import java.util.concurrent.TimeUnit;

import com.mongodb.MongoClientSettings;
import org.springframework.boot.mongodb.autoconfigure.MongoClientSettingsBuilderCustomizer;
import org.springframework.core.Ordered;

/**
 * Applies {@link StoreProperties} to the MongoDB client. It runs before Boot applies the connection string, so options
 * written in {@code MONGODB_URI} win over these.
 */
public final class StoreTimeouts implements MongoClientSettingsBuilderCustomizer, Ordered {

    private final StoreProperties properties;

    public StoreTimeouts(StoreProperties properties) {
        this.properties = properties;
    }

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
