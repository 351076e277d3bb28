package org.convoy.support.test;

import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.mongodb.MongoDBContainer;
import org.testcontainers.utility.DockerImageName;

/** The real infrastructure's images, pinned to the tags docker-compose.yml uses. */
public final class Containers {

    public static final String MONGO_IMAGE = "mongo:8.0.4";
    public static final String KAFKA_IMAGE = "apache/kafka:4.1.1";

    private Containers() {
    }

    /** MongoDB as a single-node replica set, as the platform runs it. Not started. */
    public static MongoDBContainer mongo() {
        return new MongoDBContainer(DockerImageName.parse(MONGO_IMAGE)).withReplicaSet();
    }

    /** Apache Kafka in KRaft mode. Not started. */
    public static KafkaContainer kafka() {
        return new KafkaContainer(DockerImageName.parse(KAFKA_IMAGE));
    }
}
