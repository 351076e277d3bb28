package org.convoy.notification.deadletter;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.convoy.events.EventHeaders;
import org.convoy.events.Topics;
import org.convoy.notification.deadletter.domain.DeadLetter;
import org.convoy.support.inbox.ConsumerErrorHandling;
import org.convoy.support.system.DeadLetterCount;
import org.convoy.support.system.DeadLetterCounter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.spi.LoggingEventBuilder;
import org.springframework.cloud.stream.function.StreamBridge;
import org.springframework.context.event.EventListener;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.messaging.Message;
import org.springframework.messaging.support.MessageBuilder;
import org.springframework.stereotype.Service;

import tools.jackson.databind.json.JsonMapper;

/**
 * The dead-letter topic of notification ({@value #TOPIC}) and what organizers do with it. Every event a consumer could
 * not read or handle goes there once its retries are spent (put there by {@link #eventFailed} for the delegate and
 * meeting streams, by the Kafka binder for the others), named by its event id and type and by the delegates and
 * meeting it concerns; the notice sender puts there every notice that failed for good. Each record is kept here for
 * organizers to see, and can be replayed: an event goes back to its original topic (consumers are idempotent, so what
 * was handled before is not handled twice); a notice goes back to the ledger's queue.
 */
@Service
public class DeadLetters implements DeadLetterCounter {

    public static final String TOPIC = "convoy.notification.dead-letters";
    static final String KIND = "x-dead-letter-kind";
    static final String NOTICE_ID = "x-notice-id";
    /** The delegates a dead letter concerns, comma-separated: those a notice could not reach, a notice's recipient. */
    static final String DELEGATE_IDS = "x-delegate-ids";
    static final String ORIGINAL_TOPIC = "x-original-topic";
    static final String EXCEPTION_MESSAGE = "x-exception-message";

    private static final Logger log = LoggerFactory.getLogger(DeadLetters.class);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final MongoOperations mongo;
    private final StreamBridge streams;
    private final NoticeQueue notices;
    private final Clock clock;
    private final MeterRegistry meters;
    /** StreamBridge's first send to a topic sets its binding up unguarded: one send at a time (dead letters are rare). */
    private final Object sending = new Object();

    DeadLetters(MongoOperations mongo, StreamBridge streams, NoticeQueue notices, Clock clock, MeterRegistry meters) {
        this.mongo = mongo;
        this.streams = streams;
        this.notices = notices;
        this.clock = clock;
        this.meters = meters;
    }

    /** Stores one record of the dead-letter topic, once. */
    public void received(Message<byte[]> message) {
        var headers = message.getHeaders();
        DeadLetter.Kind kind = "NOTICE".equals(text(headers.get(KIND))) ? DeadLetter.Kind.NOTICE : DeadLetter.Kind.EVENT;
        String id = text(headers.get(KafkaHeaders.RECEIVED_PARTITION)) + "-" + text(headers.get(KafkaHeaders.OFFSET));
        String originalTopic = firstOf(headers, ORIGINAL_TOPIC, "kafka_dlt-original-topic");
        String key = text(headers.get(KafkaHeaders.RECEIVED_KEY));
        List<UUID> delegateIds = uuids(text(headers.get(DELEGATE_IDS)));
        if (delegateIds.isEmpty() && Topics.DELEGATES.equals(originalTopic)) {
            delegateIds = uuids(key);
        }
        UUID meetingId = Topics.MEETINGS.equals(originalTopic) ? uuids(key).stream().findFirst().orElse(null) : null;
        DeadLetter letter = new DeadLetter(id, kind, originalTopic, key, text(headers.get(EventHeaders.EVENT_TYPE)),
                text(headers.get(EventHeaders.EVENT_ID)), delegateIds, meetingId, text(headers.get(NOTICE_ID)),
                new String(message.getPayload(), StandardCharsets.UTF_8),
                firstOf(headers, EXCEPTION_MESSAGE, "kafka_dlt-exception-message"),
                DeadLetter.Status.DEAD, clock.instant(), null);
        try {
            mongo.insert(letter);
            Counter.builder("convoy.notification.dead-letters").tag("kind", kind.name())
                    .tag("type", letter.eventType() == null ? "none" : letter.eventType())
                    .description("Records kept from the dead-letter topic").register(meters).increment();
            about(log.atWarn(), letter).addKeyValue("originalTopic", originalTopic).addKeyValue("error", letter.error())
                    .log("Dead letter recorded");
        } catch (DuplicateKeyException known) {
            // a redelivery of a record already kept
        }
    }

    /**
     * Puts an event that a consumer of the delegate or meeting stream could not handle, once its retries are spent, on
     * the dead-letter topic as it came (payload, key, type and id), with where it came from, why it failed, and the
     * delegates whose contact it waited for.
     *
     * @param cause why it failed, its innermost exception
     * @throws IllegalStateException when Kafka does not take it: the event stays unhandled and is tried again
     */
    public void eventFailed(ConsumerRecord<?, ?> record, Throwable cause) {
        String eventType = header(record, EventHeaders.EVENT_TYPE);
        String eventId = header(record, EventHeaders.EVENT_ID);
        String reason = cause.getMessage() == null ? cause.getClass().getName() : cause.getMessage();
        MessageBuilder<byte[]> letter = MessageBuilder.withPayload(bytes(record.value()))
                .setHeader(ORIGINAL_TOPIC, record.topic())
                .setHeader("x-original-partition", String.valueOf(record.partition()))
                .setHeader("x-original-offset", String.valueOf(record.offset()))
                .setHeader(EXCEPTION_MESSAGE, reason)
                .setHeader("x-exception-fqcn", cause.getClass().getName());
        if (record.key() != null) {
            letter.setHeader(KafkaHeaders.KEY, bytes(record.key()));
        }
        if (eventType != null) {
            letter.setHeader(EventHeaders.EVENT_TYPE, eventType);
        }
        List<UUID> delegateIds = List.of();
        if (cause instanceof ContactNotKnownYet unknown) {
            eventId = eventId == null ? unknown.eventId().toString() : eventId;
            delegateIds = unknown.delegateIds();
            letter.setHeader(DELEGATE_IDS, delegateIds.stream().map(UUID::toString).collect(Collectors.joining(",")));
        }
        if (eventId != null) {
            letter.setHeader(EventHeaders.EVENT_ID, eventId);
        }
        if (!send(letter.build())) {
            throw new IllegalStateException("Kafka did not take the dead letter of " + eventType + " " + eventId
                    + "; the event is tried again");
        }
        ConsumerErrorHandling.countDeadLetter(meters, record.topic(), TOPIC);
        log.atWarn().addKeyValue("eventId", eventId).addKeyValue("eventType", eventType)
                .addKeyValue("topic", record.topic()).addKeyValue("key", text(record.key()))
                .addKeyValue("delegateIds", delegateIds).addKeyValue("error", reason)
                .log("Event put on the dead-letter topic");
    }

    /**
     * Puts a notice that failed for good on the dead-letter topic. Best effort: if Kafka is away, the notice is still
     * FAILED or DEAD in the delivery log, where it can be found and replayed as well.
     */
    @EventListener
    public void noticeFailed(NoticeGaveUp notice) {
        try {
            byte[] payload = JSON.writeValueAsBytes(java.util.Map.of("noticeId", notice.noticeId(), "delegateId",
                    String.valueOf(notice.delegateId()), "channel", notice.channel(), "kind", notice.kind(),
                    "attempts", notice.attempts(), "error", String.valueOf(notice.error())));
            MessageBuilder<byte[]> letter = MessageBuilder.withPayload(payload)
                    .setHeader(KafkaHeaders.KEY, notice.noticeId().getBytes(StandardCharsets.UTF_8))
                    .setHeader(KIND, "NOTICE")
                    .setHeader(NOTICE_ID, notice.noticeId())
                    .setHeader(EXCEPTION_MESSAGE, String.valueOf(notice.error()));
            if (notice.delegateId() != null) {
                letter.setHeader(DELEGATE_IDS, notice.delegateId().toString());
            }
            if (send(letter.build())) {
                // A notice that failed for good comes from the delivery log, not from a topic.
                ConsumerErrorHandling.countDeadLetter(meters, "notices", TOPIC);
            }
        } catch (RuntimeException e) {
            log.atWarn().addKeyValue("noticeId", notice.noticeId()).addKeyValue("delegateId", notice.delegateId())
                    .setCause(e)
                    .log("Could not put the failed notice on the dead-letter topic; it stays in the delivery log");
        }
    }

    /**
     * An erased delegate's dead letters keep nothing of them: letters about them (keyed by their id, or naming them,
     * their address or their number) lose their payload and error text; the record that something failed stays.
     */
    public void forget(UUID delegateId, List<String> whatNamesThem) {
        List<Criteria> about = new ArrayList<>();
        about.add(Criteria.where("key").is(delegateId.toString()));
        for (String text : whatNamesThem) {
            if (text != null && !text.isBlank()) {
                about.add(Criteria.where("payload").regex(Pattern.quote(text)));
                about.add(Criteria.where("error").regex(Pattern.quote(text)));
            }
        }
        about.add(Criteria.where("delegateIds").is(delegateId));
        mongo.updateMulti(Query.query(new Criteria().orOperator(about)),
                new Update().set("payload", "(erased)").set("error", "(erased)"), DeadLetter.class);
    }

    /**
     * Newest first.
     *
     * @param status     only those with this status; {@code null} for all
     * @param delegateId only those that concern this delegate; {@code null} for all
     */
    public List<DeadLetter> all(DeadLetter.Status status, UUID delegateId, int limit) {
        Criteria criteria = new Criteria();
        if (status != null) {
            criteria = criteria.and("status").is(status);
        }
        if (delegateId != null) {
            criteria = criteria.and("delegateIds").is(delegateId);
        }
        return mongo.find(Query.query(criteria).with(Sort.by(Sort.Direction.DESC, "receivedAt")).limit(limit),
                DeadLetter.class);
    }

    /**
     * The dead letters kept, by status, for the system panel: those waiting are the ones not replayed yet. Every
     * record of the dead-letter topic is kept here once, so this counts the topic without reading it.
     */
    @Override
    public DeadLetterCount count() {
        Map<String, Long> byStatus = new LinkedHashMap<>();
        for (DeadLetter.Status status : DeadLetter.Status.values()) {
            byStatus.put(status.name(), mongo.count(Query.query(Criteria.where("status").is(status)), DeadLetter.class));
        }
        return DeadLetterCount.counted(DeadLetterCount.STORE, byStatus.get(DeadLetter.Status.DEAD.name()), byStatus);
    }

    public Optional<DeadLetter> find(String id) {
        return Optional.ofNullable(mongo.findById(id, DeadLetter.class));
    }

    /**
     * Replays a dead letter: the event back to its topic with its key and type, or the notice back in the ledger's
     * queue.
     *
     * @return the dead letter as it is now; empty if there is none with this id
     * @throws IllegalStateException if it was replayed already or cannot be
     */
    public Optional<DeadLetter> replay(String id) {
        Optional<DeadLetter> found = find(id);
        if (found.isEmpty()) {
            return found;
        }
        DeadLetter letter = found.get();
        if (letter.status() == DeadLetter.Status.REPLAYED) {
            throw new IllegalStateException("This dead letter was replayed already.");
        }
        if (letter.kind() == DeadLetter.Kind.NOTICE) {
            if (!notices.requeue(letter.noticeId(), clock.instant())) {
                throw new IllegalStateException("The notice is no longer FAILED or DEAD.");
            }
        } else {
            if (letter.originalTopic() == null) {
                throw new IllegalStateException("The original topic of this event is unknown.");
            }
            MessageBuilder<byte[]> message = MessageBuilder.withPayload(letter.payload().getBytes(StandardCharsets.UTF_8));
            if (letter.key() != null) {
                message.setHeader(KafkaHeaders.KEY, letter.key().getBytes(StandardCharsets.UTF_8));
            }
            if (letter.eventType() != null) {
                message.setHeader(EventHeaders.EVENT_TYPE, letter.eventType());
            }
            if (letter.eventId() != null) {
                message.setHeader(EventHeaders.EVENT_ID, letter.eventId());
            }
            if (!send(letter.originalTopic(), message.build())) {
                throw new IllegalStateException("Kafka did not take the event; try again.");
            }
        }
        mongo.updateFirst(Query.query(Criteria.where("_id").is(id)),
                new Update().set("status", DeadLetter.Status.REPLAYED).set("replayedAt", clock.instant()),
                DeadLetter.class);
        about(log.atInfo(), letter).log("Dead letter replayed");
        return find(id);
    }

    private boolean send(Message<byte[]> letter) {
        return send(TOPIC, letter);
    }

    private boolean send(String topic, Message<byte[]> message) {
        synchronized (sending) {
            return streams.send(topic, message);
        }
    }

    /** A log line about a dead letter, with the ids it carries. */
    private static LoggingEventBuilder about(LoggingEventBuilder line, DeadLetter letter) {
        line.addKeyValue("deadLetterId", letter.id()).addKeyValue("kind", letter.kind())
                .addKeyValue("eventId", letter.eventId()).addKeyValue("eventType", letter.eventType())
                .addKeyValue("delegateIds", letter.delegateIds());
        if (letter.meetingId() != null) {
            line.addKeyValue("meetingId", letter.meetingId());
        }
        return letter.noticeId() == null ? line : line.addKeyValue("noticeId", letter.noticeId());
    }

    /** The ids in a comma-separated list, or a single id; what is not an id is left out. */
    private static List<UUID> uuids(String text) {
        if (text == null || text.isBlank()) {
            return List.of();
        }
        List<UUID> ids = new ArrayList<>();
        for (String part : text.split(",")) {
            try {
                ids.add(UUID.fromString(part.trim()));
            } catch (IllegalArgumentException notAnId) {
                // a key that is not a delegate's or a meeting's id names nobody
            }
        }
        return List.copyOf(ids);
    }

    private static String header(ConsumerRecord<?, ?> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    private static byte[] bytes(Object value) {
        if (value == null) {
            return new byte[0];
        }
        return value instanceof byte[] raw ? Arrays.copyOf(raw, raw.length)
                : value.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static String firstOf(Map<String, Object> headers, String... names) {
        for (String name : names) {
            String value = text(headers.get(name));
            if (value != null) {
                return value;
            }
        }
        return null;
    }

    private static String text(Object value) {
        if (value == null) {
            return null;
        }
        return value instanceof byte[] bytes ? new String(bytes, StandardCharsets.UTF_8) : value.toString();
    }
}
