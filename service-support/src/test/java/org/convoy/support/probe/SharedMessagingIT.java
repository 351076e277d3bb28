package org.convoy.support.probe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.micrometer.core.instrument.MeterRegistry;
import org.bson.Document;
import org.convoy.events.DelegateApproved;
import org.convoy.events.DelegateWithdrawn;
import org.convoy.events.EventHeaders;
import org.convoy.events.Topics;
import org.convoy.support.outbox.OutboxEntry;
import org.convoy.support.test.EventProbe;
import org.convoy.support.test.ServiceIntegrationTest;
import org.convoy.support.test.TestEventPublisher;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.beans.factory.annotation.Value;

/** The shared outbox relay and idempotent consumer on a real KRaft broker and the MongoDB-wire store. */
@ServiceIntegrationTest
class SharedMessagingIT {

    @Autowired
    MongoTemplate mongo;

    @Value("${spring.cloud.stream.kafka.binder.brokers}")
    String kafka;

    @Value("${spring.cloud.stream.default.group}")
    String group;

    @Autowired
    MeterRegistry meters;

    @Test
    void relaysPendingEventsInOrderKeyedByAggregateAndEmptiesTheOutbox() {
        UUID delegate = UUID.randomUUID();
        DelegateApproved approved = new DelegateApproved(UUID.randomUUID(), Instant.now(), 1, delegate, "california-2023");
        DelegateWithdrawn withdrawn = new DelegateWithdrawn(UUID.randomUUID(), Instant.now(), 1, delegate, "california-2023");

        try (EventProbe probe = new EventProbe(kafka, Topics.DELEGATES)) {
            mongo.save(parcel(OutboxEntry.of(approved), OutboxEntry.of(withdrawn)), "parcels");

            await().atMost(Duration.ofSeconds(20)).until(() -> probe.recordsWithKey(delegate.toString()).size() == 2);
            var records = probe.recordsWithKey(delegate.toString());
            assertThat(records).extracting(record -> EventProbe.header(record, EventHeaders.EVENT_TYPE))
                    .containsExactly("DelegateApproved", "DelegateWithdrawn");
            assertThat(EventProbe.header(records.get(0), EventHeaders.EVENT_ID)).isEqualTo(approved.eventId().toString());
            assertThat(new String(records.get(0).value(), StandardCharsets.UTF_8))
                    .contains("\"delegateId\":\"" + delegate + "\"");
        }
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(ProbeApplication.HANDLED)
                .filteredOn(event -> event.aggregateId().equals(delegate.toString()))
                .containsExactly(approved, withdrawn));
        assertThat(mongo.findAll(Document.class, "parcels"))
                .allSatisfy(doc -> assertThat(doc.getList(OutboxEntry.FIELD, Document.class)).isEmpty());
    }

    @Test
    void manyAggregatesSavedAtOnceGoOutSideBySideEachInItsOrder() {
        List<UUID> delegates = java.util.stream.IntStream.range(0, 60).mapToObj(i -> UUID.randomUUID()).toList();
        java.util.Set<String> keys = delegates.stream().map(UUID::toString).collect(java.util.stream.Collectors.toSet());

        try (EventProbe probe = new EventProbe(kafka, Topics.DELEGATES)) {
            for (UUID delegate : delegates) {
                mongo.save(parcel(OutboxEntry.of(new DelegateApproved(UUID.randomUUID(), Instant.now(), 1, delegate,
                        "california-2023")), OutboxEntry.of(new DelegateWithdrawn(UUID.randomUUID(), Instant.now(), 1,
                        delegate, "california-2023"))), "parcels");
            }

            await().atMost(Duration.ofSeconds(30)).until(() -> probe.records().stream()
                    .filter(record -> keys.contains(record.key())).count() >= 120);
            var byDelegate = probe.records().stream().collect(java.util.stream.Collectors.groupingBy(
                    record -> record.key(), java.util.stream.Collectors.mapping(
                            record -> EventProbe.header(record, EventHeaders.EVENT_TYPE),
                            java.util.stream.Collectors.toList())));
            for (UUID delegate : delegates) {
                assertThat(byDelegate.get(delegate.toString())).as("delegate %s", delegate)
                        .startsWith("DelegateApproved", "DelegateWithdrawn");
            }
        }
    }

    @Test
    void handlesAnEventOnceHoweverOftenItIsDelivered() {
        UUID delegate = UUID.randomUUID();
        DelegateApproved approved = new DelegateApproved(UUID.randomUUID(), Instant.now(), 1, delegate, "california-2023");
        double duplicatesBefore = duplicates();

        for (int i = 0; i < 5; i++) {
            mongo.save(parcel(OutboxEntry.of(approved)), "parcels");
        }

        await().atMost(Duration.ofSeconds(20)).until(() -> duplicates() - duplicatesBefore >= 4);
        assertThat(ProbeApplication.HANDLED).filteredOn(event -> event.eventId().equals(approved.eventId())).hasSize(1);
    }

    @Test
    void poisonEventGoesToTheDeadLetterTopicAndLaterEventsStillFlow() {
        UUID delegate = UUID.randomUUID();
        DelegateWithdrawn after = new DelegateWithdrawn(UUID.randomUUID(), Instant.now(), 1, delegate, "california-2023");

        try (EventProbe deadLetters = new EventProbe(kafka, "error.convoy.delegates." + group)) {
            try (TestEventPublisher producer = new TestEventPublisher(kafka)) {
                producer.publishRaw(Topics.DELEGATES, delegate.toString(), "DelegateApproved",
                        "{\"eventId\": \"this is not json".getBytes(StandardCharsets.UTF_8));
            }
            mongo.save(parcel(OutboxEntry.of(after)), "parcels");

            await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(ProbeApplication.HANDLED).contains(after));
            await().atMost(Duration.ofSeconds(20)).until(() -> !deadLetters.recordsWithKey(delegate.toString()).isEmpty());
            assertThat(new String(deadLetters.recordsWithKey(delegate.toString()).get(0).value(), StandardCharsets.UTF_8))
                    .isEqualTo("{\"eventId\": \"this is not json");
        }
    }

    private double duplicates() {
        return meters.find("convoy.events.consumed").tag("outcome", "duplicate").counters().stream()
                .mapToDouble(counter -> counter.count()).sum();
    }

    private Document parcel(OutboxEntry... entries) {
        List<Document> outbox = java.util.Arrays.stream(entries).map(entry -> {
            Document document = new Document();
            mongo.getConverter().write(entry, document);
            return document;
        }).toList();
        return new Document("_id", UUID.randomUUID().toString()).append(OutboxEntry.FIELD, outbox);
    }
}
