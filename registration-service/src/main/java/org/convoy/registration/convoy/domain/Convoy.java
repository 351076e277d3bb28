package org.convoy.registration.convoy.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * A convoy and its places: who holds a place, who waits, in which order.
 *
 * <p>Places are given first-fit in arrival order: a group joins the end of the waitlist, and then every waiting
 * group that fits the free places, oldest first, moves in whole. A group is never split. Since that rule runs after
 * every change, no waiting group ever fits the free places, so a newcomer only has to be measured against them.
 *
 * <p>Every decision costs the same however many groups hold or wait: the places taken are counted as they change,
 * and groups are found by id. The convoy remembers which groups a decision changed ({@link #takeChanges()}), so
 * that it is stored group by group rather than as a whole.
 */
public class Convoy {

    private final String id;
    private final String name;
    private final LocalDate startsOn;
    private final LocalDate endsOn;
    private final LocalDate retainUntil;
    private Capacity capacity;
    private final Map<UUID, Place> seats = new HashMap<>();
    /** Waiting groups in the order they joined the waitlist. */
    private final LinkedHashMap<UUID, Place> waitlist = new LinkedHashMap<>();
    private final List<UUID> promotions;
    private final Map<String, Integer> taken = new HashMap<>();
    private int takenTotal;
    private int waitingTotal;
    private long nextSequence;
    private final Set<UUID> changed = new LinkedHashSet<>();

    private Convoy(String id, String name, LocalDate startsOn, LocalDate endsOn, LocalDate retainUntil,
            Capacity capacity, List<UUID> promotions, long nextSequence) {
        this.id = id;
        this.name = name;
        this.startsOn = startsOn;
        this.endsOn = endsOn;
        this.retainUntil = retainUntil;
        this.capacity = capacity;
        this.promotions = new ArrayList<>(promotions);
        this.nextSequence = nextSequence;
    }

    public static Convoy open(String id, String name, LocalDate startsOn, LocalDate endsOn, LocalDate retainUntil,
            Capacity capacity) {
        return new Convoy(id, name, startsOn, endsOn, retainUntil, capacity, List.of(), 0);
    }

    /**
     * A convoy as it was stored.
     *
     * @param places       every group that holds or waits, in any order: waiting groups keep the order of their
     *                     sequence numbers
     * @param nextSequence the sequence number the next group to arrive gets
     */
    public static Convoy restore(String id, String name, LocalDate startsOn, LocalDate endsOn, LocalDate retainUntil,
            Capacity capacity, List<Place> places, List<UUID> promotions, long nextSequence) {
        Convoy convoy = new Convoy(id, name, startsOn, endsOn, retainUntil, capacity, promotions, nextSequence);
        places.stream().sorted(Comparator.comparingLong(Place::sequence)).forEach(place -> {
            if (place.state() == PlaceDecision.HELD) {
                convoy.seat(place);
            } else {
                convoy.enqueue(place);
            }
            convoy.nextSequence = Math.max(convoy.nextSequence, place.sequence() + 1);
        });
        return convoy;
    }

    /**
     * Decides whether a group holds places or waits. Deciding again for the same group gives the same answer.
     *
     * @param counts the group's members by role
     */
    public PlaceDecision allocate(UUID groupId, Map<String, Integer> counts, Instant now) {
        Optional<PlaceDecision> known = decisionFor(groupId);
        if (known.isPresent()) {
            return known.get();
        }
        Place arriving = new Place(groupId, Map.copyOf(counts), now, nextSequence++, PlaceDecision.WAITLISTED);
        // No waiting group fits the free places (see the class comment), so only the newcomer can move in.
        if (fits(arriving.counts())) {
            seat(arriving.as(PlaceDecision.HELD));
        } else {
            enqueue(arriving);
        }
        changed.add(groupId);
        return decisionFor(groupId).orElseThrow();
    }

    /**
     * Sets the places a group still needs (its members still taking part) and hands freed places to the
     * waitlist. Applying the same counts again changes nothing.
     *
     * @return the groups that just moved from the waitlist into the convoy
     */
    public List<UUID> release(UUID groupId, Map<String, Integer> remaining) {
        boolean empty = size(remaining) == 0;
        Place seated = seats.get(groupId);
        Place waiting = waitlist.get(groupId);
        Place current = seated != null ? seated : waiting;
        if (current != null && !sameCounts(current.counts(), remaining)) {
            if (seated != null) {
                unseat(seated);
                if (!empty) {
                    seat(seated.withCounts(remaining));
                }
            } else {
                waitingTotal -= size(waiting.counts());
                if (empty) {
                    waitlist.remove(groupId);
                } else {
                    // Replacing an entry of a LinkedHashMap keeps its turn.
                    Place smaller = waiting.withCounts(remaining);
                    waitlist.put(groupId, smaller);
                    waitingTotal += size(smaller.counts());
                }
            }
            changed.add(groupId);
        }
        return promoteWhatFits();
    }

    /**
     * New places by role, as organizers set them: waiting groups that now fit move in. Places already held are never
     * taken back; when the new places are fewer than those held, nobody new gets one until enough are freed.
     *
     * @return the groups that just moved from the waitlist into the convoy
     */
    public List<UUID> resize(Capacity places) {
        capacity = places;
        return promoteWhatFits();
    }

    /** The promoted group has been told; forget the pending promotion. */
    public void promotionDelivered(UUID groupId) {
        promotions.remove(groupId);
    }

    public Optional<PlaceDecision> decisionFor(UUID groupId) {
        if (seats.containsKey(groupId)) {
            return Optional.of(PlaceDecision.HELD);
        }
        if (waitlist.containsKey(groupId)) {
            return Optional.of(PlaceDecision.WAITLISTED);
        }
        return Optional.empty();
    }

    /** 1-based position on the waitlist, or 0 when the group is not waiting. */
    public int waitlistPosition(UUID groupId) {
        if (!waitlist.containsKey(groupId)) {
            return 0;
        }
        int position = 1;
        for (UUID waiting : waitlist.keySet()) {
            if (waiting.equals(groupId)) {
                return position;
            }
            position++;
        }
        throw new IllegalStateException("unreachable");
    }

    /**
     * The groups whose places changed since the last call, each as it is now (held, waiting) or empty when it has
     * left; the convoy forgets them.
     */
    public List<Change> takeChanges() {
        List<Change> changes = changed.stream()
                .map(groupId -> new Change(groupId, Optional.ofNullable(seats.getOrDefault(groupId,
                        waitlist.get(groupId)))))
                .toList();
        changed.clear();
        return changes;
    }

    private List<UUID> promoteWhatFits() {
        List<UUID> promoted = new ArrayList<>();
        Iterator<Place> waiting = waitlist.values().iterator();
        // Every waiting group needs at least one place, so once none is free nobody else can move in.
        while (waiting.hasNext() && takenTotal < capacity.total()) {
            Place place = waiting.next();
            if (fits(place.counts())) {
                waiting.remove();
                waitingTotal -= size(place.counts());
                seat(place.as(PlaceDecision.HELD));
                promoted.add(place.groupId());
                promotions.add(place.groupId());
                changed.add(place.groupId());
            }
        }
        return promoted;
    }

    private boolean fits(Map<String, Integer> counts) {
        if (takenTotal + size(counts) > capacity.total()) {
            return false;
        }
        return counts.entrySet().stream().allMatch(entry -> {
            Integer cap = capacity.byRole().get(entry.getKey());
            return cap == null || taken.getOrDefault(entry.getKey(), 0) + entry.getValue() <= cap;
        });
    }

    private void seat(Place place) {
        seats.put(place.groupId(), place);
        place.counts().forEach((role, n) -> taken.merge(role, n, Integer::sum));
        takenTotal += size(place.counts());
    }

    private void unseat(Place place) {
        seats.remove(place.groupId());
        place.counts().forEach((role, n) -> taken.merge(role, -n, Integer::sum));
        takenTotal -= size(place.counts());
    }

    private void enqueue(Place place) {
        waitlist.put(place.groupId(), place.as(PlaceDecision.WAITLISTED));
        waitingTotal += size(place.counts());
    }

    private static boolean sameCounts(Map<String, Integer> a, Map<String, Integer> b) {
        return withoutZeros(a).equals(withoutZeros(b));
    }

    private static Map<String, Integer> withoutZeros(Map<String, Integer> counts) {
        Map<String, Integer> kept = new HashMap<>();
        counts.forEach((role, n) -> {
            if (n != 0) {
                kept.put(role, n);
            }
        });
        return kept;
    }

    private static int size(Map<String, Integer> counts) {
        return counts.values().stream().mapToInt(Integer::intValue).sum();
    }

    public String id() {
        return id;
    }

    public String name() {
        return name;
    }

    public LocalDate startsOn() {
        return startsOn;
    }

    public LocalDate endsOn() {
        return endsOn;
    }

    public LocalDate retainUntil() {
        return retainUntil;
    }

    public Capacity capacity() {
        return capacity;
    }

    public long nextSequence() {
        return nextSequence;
    }

    public List<UUID> pendingPromotions() {
        return List.copyOf(promotions);
    }

    /** How many places are taken, by role. */
    public Map<String, Integer> placesTaken() {
        Map<String, Integer> used = new HashMap<>(taken);
        used.values().removeIf(n -> n == 0);
        return used;
    }

    public int waiting() {
        return waitingTotal;
    }

    /** @param byRole the most places a role may take; a role not named is limited by the total only */
    public record Capacity(int total, Map<String, Integer> byRole) {
    }

    /**
     * The places a group holds or waits for, by role, since when.
     *
     * @param sequence the group's turn of arrival: the waitlist is in this order
     */
    public record Place(UUID groupId, Map<String, Integer> counts, Instant since, long sequence, PlaceDecision state) {

        Place as(PlaceDecision newState) {
            return new Place(groupId, counts, since, sequence, newState);
        }

        Place withCounts(Map<String, Integer> newCounts) {
            return new Place(groupId, Map.copyOf(newCounts), since, sequence, state);
        }
    }

    /** A group's places after a decision: what it holds or waits for, or nothing when it has left. */
    public record Change(UUID groupId, Optional<Place> place) {
    }

    public enum PlaceDecision { HELD, WAITLISTED }
}
