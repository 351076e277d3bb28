package org.convoy.notification.deadletter;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

import org.convoy.events.EventHeaders;
import org.convoy.notification.deadletter.domain.DeadLetter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
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
 * The dead-letter topic of notification ({@value #TOPIC}) and what organizers do with it. The Kafka binder puts
 * there every event a consumer could not read or handle; the notice sender puts there every notice that failed for
 * good. Each record is kept here for organizers to see, and can be replayed: an event goes back to its original
 * topic (consumers are idempotent, so what was handled before is not handled twice); a notice goes back to the
 * ledger's queue.
 */
@Service
public class DeadLetters {

    public static final String TOPIC = "convoy.notification.dead-letters";
    static final String KIND = "x-dead-letter-kind";
    static final String NOTICE_ID = "x-notice-id";

    private static final Logger log = LoggerFactory.getLogger(DeadLetters.class);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final MongoOperations mongo;
    private final StreamBridge streams;
    private final NoticeQueue notices;
    private final Clock clock;

    DeadLetters(MongoOperations mongo, StreamBridge streams, NoticeQueue notices, Clock clock) {
        this.mongo = mongo;
        this.streams = streams;
        this.notices = notices;
        this.clock = clock;
    }

    /** Stores one record of the dead-letter topic, once. */
    public void received(Message<byte[]> message) {
        var headers = message.getHeaders();
        DeadLetter.Kind kind = "NOTICE".equals(text(headers.get(KIND))) ? DeadLetter.Kind.NOTICE : DeadLetter.Kind.EVENT;
        String id = text(headers.get(KafkaHeaders.RECEIVED_PARTITION)) + "-" + text(headers.get(KafkaHeaders.OFFSET));
        DeadLetter letter = new DeadLetter(id, kind, firstOf(headers, "x-original-topic", "kafka_dlt-original-topic"),
                text(headers.get(KafkaHeaders.RECEIVED_KEY)), text(headers.get(EventHeaders.EVENT_TYPE)),
                text(headers.get(EventHeaders.EVENT_ID)), text(headers.get(NOTICE_ID)),
                new String(message.getPayload(), StandardCharsets.UTF_8),
                firstOf(headers, "x-exception-message", "kafka_dlt-exception-message"),
                DeadLetter.Status.DEAD, clock.instant(), null);
        try {
            mongo.insert(letter);
            log.atWarn().addKeyValue("deadLetterId", id).addKeyValue("kind", kind)
                    .addKeyValue("originalTopic", letter.originalTopic()).log("Dead letter recorded");
        } catch (DuplicateKeyException known) {
            // a redelivery of a record already kept
        }
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
            streams.send(TOPIC, MessageBuilder.withPayload(payload)
                    .setHeader(KafkaHeaders.KEY, notice.noticeId().getBytes(StandardCharsets.UTF_8))
                    .setHeader(KIND, "NOTICE")
                    .setHeader(NOTICE_ID, notice.noticeId())
                    .setHeader("x-exception-message", String.valueOf(notice.error()))
                    .build());
        } catch (RuntimeException e) {
            log.atWarn().addKeyValue("noticeId", notice.noticeId()).setCause(e)
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
        mongo.updateMulti(Query.query(new Criteria().orOperator(about)),
                new Update().set("payload", "(erased)").set("error", "(erased)"), DeadLetter.class);
    }

    public List<DeadLetter> all(DeadLetter.Status status, int limit) {
        Query query = status == null ? new Query() : Query.query(Criteria.where("status").is(status));
        return mongo.find(query.with(Sort.by(Sort.Direction.DESC, "receivedAt")).limit(limit), DeadLetter.class);
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
            if (!streams.send(letter.originalTopic(), message.build())) {
                throw new IllegalStateException("Kafka did not take the event; try again.");
            }
        }
        mongo.updateFirst(Query.query(Criteria.where("_id").is(id)),
                new Update().set("status", DeadLetter.Status.REPLAYED).set("replayedAt", clock.instant()),
                DeadLetter.class);
        log.atInfo().addKeyValue("deadLetterId", id).addKeyValue("kind", letter.kind()).log("Dead letter replayed");
        return find(id);
    }

    private static String firstOf(java.util.Map<String, Object> headers, String... names) {
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
