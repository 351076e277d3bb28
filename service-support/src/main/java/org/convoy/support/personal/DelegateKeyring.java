package org.convoy.support.personal;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import org.bson.Document;
import org.convoy.events.CarriesProfile;
import org.convoy.events.DelegateDataKeys;
import org.convoy.events.DelegateKeyDestroyed;
import org.convoy.events.DelegateKeyShared;
import org.convoy.events.DelegateProfile;
import org.convoy.events.UnreadableEventException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

/**
 * The delegates' data keys a service received from the key stream, kept wrapped in its own store so it can open
 * the profiles in delegate events, now or when it reads the stream again. A destroyed key is forgotten for good: it
 * leaves a mark with the delegate's id only, so a profile sealed with it is recognised as erased and skipped, and a
 * key shared again by a late repeat is not taken back.
 */
public class DelegateKeyring {

    static final String COLLECTION = "delegate_keys";
    private static final Logger log = LoggerFactory.getLogger(DelegateKeyring.class);
    private static final Duration KEY_POLL = Duration.ofMillis(200);

    private final MongoOperations mongo;
    private final DelegateDataKeys keys;
    private final Clock clock;
    private final Duration keyWait;
    /** Events waiting here for a delegate's key, woken when it is kept. */
    private final Map<UUID, Object> waiters = new ConcurrentHashMap<>();

    /** @param keyWait how long a sealed profile waits for its key, which travels on another topic, before it fails */
    public DelegateKeyring(MongoOperations mongo, DelegateDataKeys keys, Clock clock, Duration keyWait) {
        this.mongo = mongo;
        this.keys = keys;
        this.clock = clock;
        this.keyWait = keyWait;
    }

    /**
     * Keeps a delegate's key, unless it was destroyed already.
     *
     * @throws UnreadableEventException when the key does not open with this service's {@code DELEGATE_DATA_SECRET}
     */
    public void shared(DelegateKeyShared event) {
        if (!keys.opens(event.delegateId(), event.wrappedKey())) {
            throw new UnreadableEventException("The key of delegate " + event.delegateId() + " does not open with this "
                    + "service's DELEGATE_DATA_SECRET; it must be the same in every service");
        }
        if (isDestroyed(kept(event.delegateId()))) {
            return;
        }
        mongo.upsert(byDelegate(event.delegateId()),
                new Update().set("wrappedKey", event.wrappedKey()).set("sharedAt", event.occurredAt()), COLLECTION);
        Object waiting = waiters.get(event.delegateId());
        if (waiting != null) {
            synchronized (waiting) {
                waiting.notifyAll();
            }
        }
    }

    /** Forgets a delegate's key for good. */
    public void destroyed(DelegateKeyDestroyed event) {
        mongo.save(new Document("_id", event.delegateId()).append("destroyed", true)
                .append("destroyedAt", clock.instant()), COLLECTION);
        log.atInfo().addKeyValue("delegateId", event.delegateId()).log("Delegate's data key destroyed");
    }

    /**
     * Whether this delegate's key was destroyed: registration destroys it first thing when it erases a delegate, so a
     * service that no longer finds what it kept of them can tell an erased delegate from one it has not heard of yet.
     */
    public boolean wasDestroyed(UUID delegateId) {
        return isDestroyed(kept(delegateId));
    }

    /**
     * The profile an event carries: opened with the delegate's key, or as an older producer sent it in the clear.
     *
     * @return empty when the delegate's key was destroyed (they were erased): there is nothing left to read
     * @throws DelegateKeyNotYetKnownException when the key has not arrived within the wait (the event is then retried
     *                                         and, failing that, dead-lettered for replay)
     * @throws UnreadableEventException        when the sealed profile does not open with the delegate's key
     */
    public Optional<DelegateProfile> profileOf(CarriesProfile event) {
        if (event.sealedProfile() == null) {
            if (event.profile() == null) {
                throw new UnreadableEventException("Event of delegate " + event.delegateId() + " without a profile");
            }
            return Optional.of(event.profile());
        }
        Document key = awaitKey(event.delegateId());
        if (isDestroyed(key)) {
            return Optional.empty();
        }
        return Optional.of(keys.open(event.delegateId(), key.getString("wrappedKey"), event.sealedProfile()));
    }

    /**
     * The key is published before the event it seals, but on its own topic: it is usually a moment away. The wait
     * ends as soon as this instance keeps it, and looks in the store every {@code KEY_POLL} for one another instance
     * kept.
     */
    private Document awaitKey(UUID delegateId) {
        long deadline = System.nanoTime() + keyWait.toNanos();
        Document key = kept(delegateId);
        if (key != null) {
            return key;
        }
        Object waiting = waiters.computeIfAbsent(delegateId, id -> new Object());
        try {
            while (key == null) {
                if (System.nanoTime() > deadline) {
                    throw new DelegateKeyNotYetKnownException(delegateId);
                }
                synchronized (waiting) {
                    key = kept(delegateId);
                    if (key == null) {
                        waiting.wait(KEY_POLL.toMillis());
                    }
                }
                key = key == null ? kept(delegateId) : key;
            }
            return key;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DelegateKeyNotYetKnownException(delegateId);
        } finally {
            waiters.remove(delegateId, waiting);
        }
    }

    private Document kept(UUID delegateId) {
        return mongo.findOne(byDelegate(delegateId), Document.class, COLLECTION);
    }

    private static boolean isDestroyed(Document key) {
        return key != null && Boolean.TRUE.equals(key.getBoolean("destroyed"));
    }

    private static Query byDelegate(UUID delegateId) {
        return Query.query(Criteria.where("_id").is(delegateId));
    }
}
