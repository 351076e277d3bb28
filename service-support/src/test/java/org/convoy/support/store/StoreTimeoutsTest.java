package org.convoy.support.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import org.bson.UuidRepresentation;
import org.junit.jupiter.api.Test;
import org.springframework.boot.mongodb.autoconfigure.MongoClientSettingsBuilderCustomizer;
import org.springframework.boot.mongodb.autoconfigure.StandardMongoClientSettingsBuilderCustomizer;
import org.springframework.core.annotation.AnnotationAwareOrderComparator;

/** The store timeouts reach the client as Boot builds it, and what the connection string says wins over them. */
class StoreTimeoutsTest {

    private final StoreTimeouts timeouts = new StoreTimeouts(
            new StoreProperties(Duration.ofSeconds(2), Duration.ofMillis(1500), Duration.ofSeconds(8)));

    @Test
    void aPlainConnectionStringGetsTheShortTimeouts() {
        MongoClientSettings settings = built("mongodb://store.example:27017/convoy-registration");

        assertThat(settings.getClusterSettings().getServerSelectionTimeout(TimeUnit.MILLISECONDS)).isEqualTo(2000);
        assertThat(settings.getSocketSettings().getConnectTimeout(TimeUnit.MILLISECONDS)).isEqualTo(1500);
        assertThat(settings.getSocketSettings().getReadTimeout(TimeUnit.MILLISECONDS)).isEqualTo(8000);
    }

    @Test
    void optionsInTheConnectionStringWin() {
        MongoClientSettings settings = built("mongodb://store.example:27017/convoy-registration"
                + "?serverSelectionTimeoutMS=5000&connectTimeoutMS=4000&socketTimeoutMS=30000");

        assertThat(settings.getClusterSettings().getServerSelectionTimeout(TimeUnit.MILLISECONDS)).isEqualTo(5000);
        assertThat(settings.getSocketSettings().getConnectTimeout(TimeUnit.MILLISECONDS)).isEqualTo(4000);
        assertThat(settings.getSocketSettings().getReadTimeout(TimeUnit.MILLISECONDS)).isEqualTo(30000);
    }

    /** As Boot's client factories do: every customizer in order, Boot's own applying the connection string. */
    private MongoClientSettings built(String uri) {
        List<MongoClientSettingsBuilderCustomizer> customizers = new ArrayList<>(List.of(
                new StandardMongoClientSettingsBuilderCustomizer(() -> new ConnectionString(uri),
                        UuidRepresentation.STANDARD),
                timeouts));
        customizers.sort(AnnotationAwareOrderComparator.INSTANCE);
        MongoClientSettings.Builder builder = MongoClientSettings.builder();
        customizers.forEach(customizer -> customizer.customize(builder));
        return builder.build();
    }
}
