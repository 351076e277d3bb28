package org.convoy.registration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;

import org.convoy.events.EventHeaders;
import org.convoy.events.Topics;
import org.convoy.kraft.KraftBroker;
import org.convoy.registration.delegate.domain.RegistrationRepository;
import org.convoy.support.outbox.OutboxEntry;
import org.convoy.support.test.EventProbe;
import org.convoy.support.test.Http;
import org.convoy.support.test.MongoWireStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import tools.jackson.databind.json.JsonMapper;

/**
 * A registration accepted while Kafka is down is kept with its events in the outbox and published once a
 * broker is reachable again. The service starts with no broker at all; a real KRaft broker comes up mid-test.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "convoy.topics.partitions=1",
        "spring.cloud.stream.kafka.binder.producer-properties.max.block.ms=2000",
        "spring.cloud.stream.kafka.binder.producer-properties.request.timeout.ms=2000",
        "spring.cloud.stream.kafka.binder.producer-properties.delivery.timeout.ms=4000",
        "convoy.outbox.poll-interval=200ms",
        "convoy.outbox.retry-backoff=500ms",
        "convoy.registration.settle-interval=1h",
        "logging.level.org.apache.kafka=ERROR",
        "logging.level.kafka=ERROR",
        "logging.level.org.convoy.support.outbox=ERROR" })
@ContextConfiguration(initializers = MongoWireStore.class)
class BrokerOutageIT {

    static final int KAFKA_PORT = freePort();

    @DynamicPropertySource
    static void unreachableBroker(DynamicPropertyRegistry registry) {
        registry.add("spring.kafka.bootstrap-servers", () -> "localhost:" + KAFKA_PORT);
        registry.add("spring.cloud.stream.kafka.binder.brokers", () -> "localhost:" + KAFKA_PORT);
    }

    @LocalServerPort
    int port;

    @Autowired
    RegistrationRepository registrations;

    @TempDir
    Path kafkaData;

    @Test
    void aRegistrationAcceptedWhileKafkaIsDownIsPublishedWhenKafkaReturns() throws Exception {
        String email = RegistrationRequests.uniqueEmail();

        HttpResponse<String> response = Http.postJson("http://localhost:" + port + "/api/registrations",
                RegistrationRequests.mayor(email));

        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        UUID id = UUID.fromString(JsonMapper.builder().build().readTree(response.body()).path("id").asString());
        assertThat(registrations.findById(id).orElseThrow().pendingEvents()).extracting(OutboxEntry::type)
                .containsExactly("DelegateKeyShared", "DelegateRegistered", "RegistrationLinkIssued");

        try (KraftBroker broker = new KraftBroker(KAFKA_PORT, freePort(), kafkaData)) {
            broker.start();
            EventProbe events = new EventProbe(broker.bootstrapServers(), Topics.DELEGATES);
            await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(events.recordsWithKey(id.toString()))
                    .extracting(r -> EventProbe.header(r, EventHeaders.EVENT_TYPE))
                    .containsExactly("DelegateRegistered", "RegistrationLinkIssued"));
            EventProbe keys = new EventProbe(broker.bootstrapServers(), Topics.DELEGATE_KEYS);
            await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(keys.recordsWithKey(id.toString()))
                    .extracting(r -> EventProbe.header(r, EventHeaders.EVENT_TYPE)).containsExactly("DelegateKeyShared"));
            await().atMost(Duration.ofSeconds(10))
                    .until(() -> registrations.findById(id).orElseThrow().pendingEvents().isEmpty());
            events.close();
            keys.close();
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
