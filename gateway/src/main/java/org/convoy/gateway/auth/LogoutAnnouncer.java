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
import org.convoy.events.EventCodec;
import org.convoy.events.EventHeaders;
import org.convoy.events.OrganizerLoggedOut;
import org.convoy.events.Topics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.kafka.core.KafkaTemplate;

/**
 * Tells every service of each logout ({@link OrganizerLoggedOut} on {@value Topics#SESSIONS}, keyed by user name), so
 * a logged-out token is refused by a service called directly too. Logouts wait in the gateway's store until the
 * broker acknowledges them: a logout made while Kafka is away reaches the services when it is back.
 */
final class LogoutAnnouncer implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(LogoutAnnouncer.class);
    private static final EventCodec CODEC = new EventCodec();

    private final RevokedTokens revoked;
    private final KafkaTemplate<byte[], byte[]> kafka;
    private final Clock clock;
    private final Duration interval;
    private final AtomicBoolean failing = new AtomicBoolean();
    private ScheduledExecutorService executor;

    LogoutAnnouncer(RevokedTokens revoked, KafkaTemplate<byte[], byte[]> kafka, Clock clock, Duration interval) {
        this.revoked = revoked;
        this.kafka = kafka;
        this.clock = clock;
        this.interval = interval;
    }

    /** Announces what waits now rather than at the next pass: called right after a logout. */
    void nudge() {
        if (executor != null) {
            executor.execute(this::announce);
        }
    }

    void announce() {
        try {
            for (RevokedTokens.Revoked token : revoked.unannounced(100).collectList().block(Duration.ofSeconds(5))) {
                OrganizerLoggedOut event = new OrganizerLoggedOut(UUID.randomUUID(), clock.instant(),
                        OrganizerLoggedOut.SCHEMA_VERSION, token.username(), token.tokenId(), token.expiresAt());
                ProducerRecord<byte[], byte[]> record = new ProducerRecord<>(Topics.SESSIONS,
                        key(token.username()), CODEC.toJson(event).getBytes(StandardCharsets.UTF_8));
                record.headers().add(EventHeaders.EVENT_TYPE, "OrganizerLoggedOut".getBytes(StandardCharsets.UTF_8));
                record.headers().add(EventHeaders.EVENT_ID,
                        event.eventId().toString().getBytes(StandardCharsets.UTF_8));
                kafka.send(record).get(10, TimeUnit.SECONDS);
                revoked.announced(token.tokenId()).block(Duration.ofSeconds(5));
                log.atInfo().addKeyValue("user", token.username()).log("Logout announced to the services");
            }
            if (failing.getAndSet(false)) {
                log.info("Announcing logouts works again");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            if (!failing.getAndSet(true)) {
                log.atWarn().setCause(e).log("Cannot announce logouts now; they wait and go out when Kafka is back");
            }
        }
    }

    private static byte[] key(String username) {
        return String.valueOf(username).getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public void start() {
        executor = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "logout-announcer");
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
