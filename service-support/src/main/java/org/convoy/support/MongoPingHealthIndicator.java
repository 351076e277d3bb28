package org.convoy.support;

import org.bson.Document;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.data.mongodb.core.MongoOperations;

/**
 * MongoDB health by the {@code ping} command, which every MongoDB-wire server answers. Boot's own indicator sends
 * {@code hello}, which the embedded MongoDB-wire store does not know; this one works on both it and real MongoDB.
 */
class MongoPingHealthIndicator extends AbstractHealthIndicator {

    private final MongoOperations mongo;

    MongoPingHealthIndicator(MongoOperations mongo) {
        super("MongoDB health check failed");
        this.mongo = mongo;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        Document answer = mongo.executeCommand(new Document("ping", 1));
        builder.up().withDetail("database", mongo.getCollectionNames().isEmpty() ? "empty" : "in use")
                .withDetail("ok", answer.get("ok"));
    }
}
