package org.convoy.registration.convoy;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.Function;

import org.convoy.registration.convoy.domain.Convoy;
import org.convoy.support.problem.BusyException;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.BulkOperationException;
import org.springframework.data.mongodb.core.BulkOperations;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;

/**
 * Decisions about places. Each convoy's ledger is kept in memory and decided one at a time; a decision stores only
 * what it changed: the convoy's small head, fenced by its version, then the places of the groups it touched, one
 * document each. So a decision costs the same for the 10,000th group as for the first. Decisions that arrive
 * together are stored together (see {@link #decide}), so a rush costs a store write per batch, not per group.
 *
 * <p>When another instance decided in between, the fence refuses the write and the ledger is read again from the
 * store. A crash between the head and the places is finished by whoever reads the convoy next: the head keeps the
 * last decision's places ({@code journal}), and writing them again is harmless because a place is only written by a
 * newer version than the one it has. Every operation can be repeated safely.
 */
@Service
public class PlacesLedger implements SmartInitializingSingleton {

    private static final int ATTEMPTS = 50;
    private static final int DUPLICATE_KEY = 11000;

    private final MongoOperations mongo;
    private final Clock clock;
    private final Map<String, Held> ledgers = new ConcurrentHashMap<>();

    PlacesLedger(MongoOperations mongo, Clock clock) {
        this.mongo = mongo;
        this.clock = clock;
    }

    @Override
    public void afterSingletonsInstantiated() {
        mongo.indexOps(StoredPlace.class).createIndex(new Index().on("convoyId", Sort.Direction.ASC)
                .on("state", Sort.Direction.ASC).named("by_convoy_and_state"));
    }

    public Convoy.PlaceDecision allocate(String convoyId, UUID groupId, Map<String, Integer> counts) {
        return decide(convoyId, convoy -> convoy.allocate(groupId, counts, clock.instant()));
    }

    public List<UUID> release(String convoyId, UUID groupId, Map<String, Integer> remaining) {
        return decide(convoyId, convoy -> convoy.release(groupId, remaining));
    }

    /** Sets the convoy's places by role; waiting groups that now fit are promoted (and told by the settler). */
    public List<UUID> resize(String convoyId, Convoy.Capacity capacity) {
        return decide(convoyId, convoy -> convoy.capacity().equals(capacity) ? List.of() : convoy.resize(capacity));
    }

    public void promotionDelivered(String convoyId, UUID groupId) {
        decide(convoyId, convoy -> {
            convoy.promotionDelivered(groupId);
            return null;
        });
    }

    public List<UUID> pendingPromotions(String convoyId) {
        return read(convoyId, Convoy::pendingPromotions);
    }

    /** @throws UnknownConvoyException when there is no such convoy */
    public void requireKnown(String convoyId) {
        read(convoyId, Convoy::id);
    }

    public LocalDate retainUntil(String convoyId) {
        return read(convoyId, Convoy::retainUntil);
    }

    public boolean exists(String convoyId) {
        return mongo.exists(Query.query(Criteria.where("_id").is(convoyId)), StoredConvoy.class);
    }

    /**
     * Opens a convoy with no places taken.
     *
     * @throws DuplicateKeyException when it exists
     */
    public void open(Convoy convoy) {
        mongo.insert(StoredConvoy.opened(convoy));
    }

    /**
     * The convoys with promotions still to tell, as the store has them now: decisions made by other instances
     * included.
     */
    public List<String> convoysWithPendingPromotions() {
        Query query = Query.query(Criteria.where("promotions.0").exists(true));
        query.fields().include("_id", "version");
        List<String> convoyIds = new ArrayList<>();
        for (var head : mongo.find(query, org.bson.Document.class, StoredConvoy.COLLECTION)) {
            String convoyId = head.getString("_id");
            Held held = ledgers.get(convoyId);
            if (held != null) {
                synchronized (held) {
                    if (held.convoy != null && held.version != ((Number) head.get("version")).longValue()) {
                        held.convoy = null;
                    }
                }
            }
            convoyIds.add(convoyId);
        }
        return convoyIds;
    }

    /** The convoy as this instance holds it, to look at only. */
    Convoy read(String convoyId) {
        return read(convoyId, convoy -> convoy);
    }

    /** The convoys this instance holds in memory. */
    Set<String> heldLedgers() {
        return Set.copyOf(ledgers.keySet());
    }

    private <T> T read(String convoyId, Function<Convoy, T> reading) {
        Held held = held(convoyId);
        synchronized (held) {
            try {
                return reading.apply(held.convoy(this, convoyId));
            } catch (UnknownConvoyException e) {
                forgetUnknown(convoyId, held);
                throw e;
            }
        }
    }

    /**
     * Decides with the convoy as this instance holds it, and stores what changed. Decisions that arrive while another
     * is being stored wait, and the next one to get the ledger decides them all and stores them in one write of the
     * head and one of their places (a group commit): under a rush the store is written once per batch, not once per
     * registration, and each decision still sees every earlier one.
     */
    private <T> T decide(String convoyId, Function<Convoy, T> decision) {
        Held held = held(convoyId);
        Pending<T> mine = new Pending<>(decision);
        held.waiting.add(mine);
        synchronized (held) {
            if (!mine.decided) {
                List<Pending<?>> batch = new ArrayList<>();
                for (Pending<?> next; (next = held.waiting.poll()) != null; ) {
                    batch.add(next);
                }
                decideAll(convoyId, held, batch);
            }
        }
        return mine.outcome();
    }

    private void decideAll(String convoyId, Held held, List<Pending<?>> batch) {
        List<Pending<?>> deciding = new ArrayList<>(batch);
        try {
            for (int attempt = 1; ; attempt++) {
                Convoy convoy = held.convoy(this, convoyId);
                Pending<?> refused = applyAll(convoy, deciding);
                if (refused != null) {
                    // The convoy may be half changed by the refused decision: the others start again without it.
                    held.convoy = null;
                    deciding.remove(refused);
                    attempt--;
                    continue;
                }
                List<Convoy.Change> changes = convoy.takeChanges();
                if (changes.isEmpty() && convoy.pendingPromotions().equals(held.storedPromotions)
                        && convoy.capacity().equals(held.storedCapacity)) {
                    deciding.forEach(Pending::succeed);
                    return;
                }
                long next = held.version + 1;
                List<StoredPlace> places = changes.stream()
                        .map(change -> StoredPlace.of(convoyId, change, next)).toList();
                var written = mongo.updateFirst(
                        Query.query(Criteria.where("_id").is(convoyId).and("version").is(held.version)),
                        new Update().set("journal", places).set("promotions", convoy.pendingPromotions())
                                .set("capacity", convoy.capacity())
                                .set("nextSequence", convoy.nextSequence()).set("version", next),
                        StoredConvoy.class);
                if (written.getMatchedCount() == 1) {
                    held.version = next;
                    held.storedPromotions = convoy.pendingPromotions();
                    held.storedCapacity = convoy.capacity();
                    write(places);
                    deciding.forEach(Pending::succeed);
                    return;
                }
                // Another instance decided first: start again from what the store has now.
                held.convoy = null;
                if (attempt >= ATTEMPTS) {
                    throw new BusyException("Many decisions about places arrived at once; please try again.");
                }
            }
        } catch (UnknownConvoyException e) {
            forgetUnknown(convoyId, held);
            deciding.forEach(pending -> pending.fail(e));
        } catch (RuntimeException e) {
            // The decisions may be half applied in memory; the store is the truth.
            held.convoy = null;
            deciding.forEach(pending -> pending.fail(e));
        }
    }

    /** Applies each decision in turn; the first one that throws is refused and returned, the others untouched. */
    private static Pending<?> applyAll(Convoy convoy, List<Pending<?>> deciding) {
        for (Pending<?> pending : deciding) {
            try {
                pending.apply(convoy);
            } catch (RuntimeException e) {
                pending.fail(e);
                return pending;
            }
        }
        return null;
    }

    private Held held(String convoyId) {
        return ledgers.computeIfAbsent(convoyId, id -> new Held());
    }

    /** Forgets a ledger it was asked for under a name no convoy has, so that made-up names leave nothing behind. */
    private void forgetUnknown(String convoyId, Held held) {
        ledgers.remove(convoyId, held);
    }

    /** Reads a convoy's ledger, first finishing what its last decision may have left unwritten. */
    private Loaded load(String convoyId) {
        StoredConvoy head = mongo.findById(convoyId, StoredConvoy.class);
        if (head == null) {
            throw new UnknownConvoyException(convoyId);
        }
        if (head.seats() != null || head.waitlist() != null) {
            head = upgrade(head);
        }
        write(head.journal());
        List<Convoy.Place> places = mongo.find(Query.query(Criteria.where("convoyId").is(convoyId)
                        .and("state").ne(StoredPlace.GONE)), StoredPlace.class)
                .stream().flatMap(stored -> stored.place().stream()).toList();
        Convoy convoy = Convoy.restore(head.id(), head.name(), head.startsOn(), head.endsOn(), head.retainUntil(),
                head.capacity(), places, head.promotions() == null ? List.of() : head.promotions(),
                head.nextSequence() == null ? 0 : head.nextSequence());
        return new Loaded(convoy, head.currentVersion());
    }

    /** Moves the places of a convoy stored as one document into documents of their own. */
    private StoredConvoy upgrade(StoredConvoy head) {
        long next = head.currentVersion() + 1;
        List<StoredPlace> places = new ArrayList<>();
        long sequence = 0;
        for (var seat : head.seats() == null ? List.<StoredConvoy.EarlierPlace>of() : head.seats()) {
            places.add(new StoredPlace(seat.groupId(), head.id(), seat.counts(), seat.since(), sequence++,
                    Convoy.PlaceDecision.HELD.name(), next));
        }
        for (var waiting : head.waitlist() == null ? List.<StoredConvoy.EarlierPlace>of() : head.waitlist()) {
            places.add(new StoredPlace(waiting.groupId(), head.id(), waiting.counts(), waiting.since(), sequence++,
                    Convoy.PlaceDecision.WAITLISTED.name(), next));
        }
        mongo.updateFirst(Query.query(Criteria.where("_id").is(head.id()).and("version").is(head.version())),
                new Update().set("journal", places).set("nextSequence", sequence).set("version", next)
                        .unset("seats").unset("waitlist"),
                StoredConvoy.class);
        // Whether this write or another reader's upgrade won, the head now has the places in its journal.
        return mongo.findById(head.id(), StoredConvoy.class);
    }

    private void write(List<StoredPlace> places) {
        if (places == null || places.isEmpty()) {
            return;
        }
        BulkOperations bulk = mongo.bulkOps(BulkOperations.BulkMode.UNORDERED, StoredPlace.class);
        for (StoredPlace place : places) {
            bulk.upsert(Query.query(Criteria.where("_id").is(place.groupId()).and("version").lt(place.version())),
                    new Update().set("convoyId", place.convoyId()).set("counts", place.counts())
                            .set("since", place.since()).set("sequence", place.sequence())
                            .set("state", place.state()).set("version", place.version()));
        }
        try {
            bulk.execute();
        } catch (BulkOperationException e) {
            // A duplicate key means a later decision already wrote that group's places; anything else is a fault.
            if (e.getErrors().stream().anyMatch(error -> error.getCode() != DUPLICATE_KEY)) {
                throw e;
            }
        }
    }

    private record Loaded(Convoy convoy, long version) {
    }

    /** A convoy's ledger as this instance holds it; every use is synchronized on it. */
    private static final class Held {

        private final Queue<Pending<?>> waiting = new ConcurrentLinkedQueue<>();
        private Convoy convoy;
        private long version;
        private List<UUID> storedPromotions = List.of();
        private Convoy.Capacity storedCapacity;

        Convoy convoy(PlacesLedger ledger, String convoyId) {
            if (convoy == null) {
                Loaded loaded = ledger.load(convoyId);
                convoy = loaded.convoy();
                version = loaded.version();
                storedPromotions = convoy.pendingPromotions();
                storedCapacity = convoy.capacity();
            }
            return convoy;
        }
    }

    /** A decision waiting for its turn, then its outcome; only the thread that holds the ledger decides it. */
    private static final class Pending<T> {

        private final Function<Convoy, T> decision;
        private volatile boolean decided;
        private T result;
        private RuntimeException failure;

        Pending(Function<Convoy, T> decision) {
            this.decision = decision;
        }

        void apply(Convoy convoy) {
            result = decision.apply(convoy);
        }

        void succeed() {
            failure = null;
            decided = true;
        }

        void fail(RuntimeException e) {
            failure = e;
            decided = true;
        }

        T outcome() {
            if (failure != null) {
                throw failure;
            }
            return result;
        }
    }
}
