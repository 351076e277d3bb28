package org.convoy.gateway.auth;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.convoy.events.EventCatalog;
import org.convoy.events.EventCodec;
import org.convoy.events.EventHeaders;
import org.convoy.events.OrganizerAccessEnded;
import org.convoy.events.OrganizerLoggedOut;
import org.convoy.events.SessionEvent;
import org.convoy.events.Topics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.kafka.core.KafkaTemplate;

import reactor.core.publisher.Mono;

/**
 * Tells every service of each logout ({@link OrganizerLoggedOut}) and of each organizer whose access ended
 * ({@link OrganizerAccessEnded}), on {@value Topics#SESSIONS} keyed by user name, so those tokens are refused by a
 * service called directly too. Both wait in the gateway's store until the broker acknowledges them: a logout or a
 * disabled account while Kafka is away reaches the services when it is back.
 *
 * <p>Every gateway instance announces, each on its own timer and right after its own logouts, so none waits for
 * another; each claims a logout or an ending in the store before sending it ({@link RevokedTokens#claim},
 * {@link EndedAccess#claim}), so one instance sends it. A claim lasts {@link #CLAIM_FOR}, longer than a send and its
 * marking may take; a send that fails gives its claim back, and the claim of an instance killed while sending ends
 * by itself, so what it held goes out from another instance then.
 */
final class SessionAnnouncer implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(SessionAnnouncer.class);
    private static final EventCodec CODEC = new EventCodec();
    /** Longer than a send (10 s) and the two store calls around it (5 s each) may take. */
    static final Duration CLAIM_FOR = Duration.ofSeconds(30);

    private final RevokedTokens revoked;
    private final EndedAccess ended;
    private final KafkaTemplate<byte[], byte[]> kafka;
    private final Clock clock;
    private final Duration interval;
    private final AtomicBoolean failing = new AtomicBoolean();
    private ScheduledExecutorService executor;

    SessionAnnouncer(RevokedTokens revoked, EndedAccess ended, KafkaTemplate<byte[], byte[]> kafka, Clock clock,
            Duration interval) {
        this.revoked = revoked;
        this.ended = ended;
        this.kafka = kafka;
        this.clock = clock;
        this.interval = interval;
    }

    /** Announces what waits now rather than at the next pass: called right after a logout or an ending. */
    void nudge() {
        if (executor != null) {
            executor.execute(this::announce);
        }
    }

    /** One pass: every logout and ending waiting, each marked announced once the broker has it. */
    synchronized void announce() {
        try {
            for (EndedAccess.Ended waiting : ended.unannounced(100).collectList().block(Duration.ofSeconds(5))) {
                EndedAccess.Ended mark = ended.claim(waiting, clock.instant().plus(CLAIM_FOR))
                        .block(Duration.ofSeconds(5));
                if (mark == null) {
                    continue;
                }
                sendOrRelease(new OrganizerAccessEnded(UUID.randomUUID(), clock.instant(),
                        OrganizerAccessEnded.SCHEMA_VERSION, mark.username(), mark.endedAt(), mark.tokensExpireBy(),
                        mark.reason()), ended.release(mark));
                ended.announced(mark).block(Duration.ofSeconds(5));
                log.atInfo().addKeyValue("user", mark.username()).addKeyValue("reason", mark.reason())
                        .log("Ended access announced to the services");
            }
            for (RevokedTokens.Revoked waiting : revoked.unannounced(100).collectList().block(Duration.ofSeconds(5))) {
                RevokedTokens.Revoked token = revoked.claim(waiting, clock.instant().plus(CLAIM_FOR))
                        .block(Duration.ofSeconds(5));
                if (token == null) {
                    continue;
                }
                sendOrRelease(new OrganizerLoggedOut(UUID.randomUUID(), clock.instant(),
                        OrganizerLoggedOut.SCHEMA_VERSION, token.username(), token.tokenId(), token.expiresAt()),
                        revoked.release(token.tokenId()));
                revoked.announced(token.tokenId()).block(Duration.ofSeconds(5));
                log.atInfo().addKeyValue("user", token.username()).log("Logout announced to the services");
            }
            if (failing.getAndSet(false)) {
                log.info("Announcing sessions works again");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            if (!failing.getAndSet(true)) {
                log.atWarn().setCause(e).log("Cannot announce logouts and ended access now; they wait and go out when "
                        + "the store and Kafka both answer");
            }
        }
    }

    /** Sends the event; if the broker does not take it, gives its claim back for the next pass, here or elsewhere. */
    private void sendOrRelease(SessionEvent event, Mono<Void> release) throws Exception {
        try {
            send(event);
        } catch (Exception e) {
            try {
                release.block(Duration.ofSeconds(5));
            } catch (RuntimeException alsoFailed) {
                e.addSuppressed(alsoFailed);
            }
            throw e;
        }
    }

    private void send(SessionEvent event) throws Exception {
        ProducerRecord<byte[], byte[]> record = new ProducerRecord<>(Topics.SESSIONS,
                event.username().getBytes(StandardCharsets.UTF_8), CODEC.toBytes(event));
        record.headers().add(EventHeaders.EVENT_TYPE,
                EventCatalog.typeName(event.getClass()).getBytes(StandardCharsets.UTF_8));
        record.headers().add(EventHeaders.EVENT_ID, event.eventId().toString().getBytes(StandardCharsets.UTF_8));
        kafka.send(record).get(10, TimeUnit.SECONDS);
    }

    @Override
    public void start() {
        executor = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "session-announcer");
            thread.setDaemon(true);
            return thread;
        });
        executor.scheduleWithFixedDelay(this::announce, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public void stop() {
        if (executor != null) {
            executor.shutdownNow();
            executor = null;
        }
    }

    @Override
    public boolean isRunning() {
        return executor != null;
    }
}
