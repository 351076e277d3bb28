package org.convoy.registration.convoy.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A convoy and its places. The places ledger — who holds a place, who waits, in which order — lives in
 * this one document, so every decision about places is a single document write.
 *
 * <p>Places are given first-fit in arrival order: a group joins the end of the waitlist, and then every waiting
 * group that fits the free places, oldest first, moves in whole. A group is never split.
 */
@Document(Convoy.COLLECTION)
public class Convoy {

    public static final String COLLECTION = "convoys";

    @Id
    private final String id;
    private final String name;
    private final LocalDate startsOn;
    private final LocalDate endsOn;
    private final LocalDate retainUntil;
    private final Capacity capacity;
    private final List<Place> seats;
    private final List<Place> waitlist;
    private final List<UUID> promotions;
    @Version
    private Long version;

    @PersistenceCreator
    Convoy(String id, String name, LocalDate startsOn, LocalDate endsOn, LocalDate retainUntil, Capacity capacity,
            List<Place> seats, List<Place> waitlist, List<UUID> promotions, Long version) {
        this.id = id;
        this.name = name;
        this.startsOn = startsOn;
        this.endsOn = endsOn;
        this.retainUntil = retainUntil;
        this.capacity = capacity;
        this.seats = seats == null ? new ArrayList<>() : new ArrayList<>(seats);
        this.waitlist = waitlist == null ? new ArrayList<>() : new ArrayList<>(waitlist);
        this.promotions = promotions == null ? new ArrayList<>() : new ArrayList<>(promotions);
        this.version = version;
    }

    public static Convoy open(String id, String name, LocalDate startsOn, LocalDate endsOn, LocalDate retainUntil,
            Capacity capacity) {
        return new Convoy(id, name, startsOn, endsOn, retainUntil, capacity, List.of(), List.of(), List.of(), null);
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
        waitlist.add(new Place(groupId, Map.copyOf(counts), now));
        promoteWhatFits();
        promotions.remove(groupId);
        return decisionFor(groupId).orElseThrow();
    }

    /**
     * Sets the places a group still needs (its members still taking part) and hands freed places to the
     * waitlist. Applying the same counts again changes nothing.
     *
     * @return the groups that just moved from the waitlist into the convoy
     */
    public List<UUID> release(UUID groupId, Map<String, Integer> remaining) {
        boolean empty = remaining.values().stream().mapToInt(Integer::intValue).sum() == 0;
        replace(seats, groupId, remaining, empty);
        replace(waitlist, groupId, remaining, empty);
        return promoteWhatFits();
    }

    /** The promoted group has been told; forget the pending promotion. */
    public void promotionDelivered(UUID groupId) {
        promotions.remove(groupId);
    }

    public Optional<PlaceDecision> decisionFor(UUID groupId) {
        if (seats.stream().anyMatch(place -> place.groupId().equals(groupId))) {
            return Optional.of(PlaceDecision.HELD);
        }
        if (waitlist.stream().anyMatch(place -> place.groupId().equals(groupId))) {
            return Optional.of(PlaceDecision.WAITLISTED);
        }
        return Optional.empty();
    }

    /** 1-based position on the waitlist, or 0 when the group is not waiting. */
    public int waitlistPosition(UUID groupId) {
        for (int i = 0; i < waitlist.size(); i++) {
            if (waitlist.get(i).groupId().equals(groupId)) {
                return i + 1;
            }
        }
        return 0;
    }

    private List<UUID> promoteWhatFits() {
        List<UUID> promoted = new ArrayList<>();
        for (Place waiting : List.copyOf(waitlist)) {
            if (fits(waiting.counts())) {
                waitlist.remove(waiting);
                seats.add(waiting);
                promoted.add(waiting.groupId());
                promotions.add(waiting.groupId());
            }
        }
        return promoted;
    }

    private boolean fits(Map<String, Integer> counts) {
        Map<String, Integer> used = new HashMap<>();
        seats.forEach(place -> place.counts().forEach((role, n) -> used.merge(role, n, Integer::sum)));
        int usedTotal = used.values().stream().mapToInt(Integer::intValue).sum();
        int wanted = counts.values().stream().mapToInt(Integer::intValue).sum();
        if (usedTotal + wanted > capacity.total()) {
            return false;
        }
        return counts.entrySet().stream().allMatch(entry -> {
            Integer cap = capacity.byRole().get(entry.getKey());
            return cap == null || used.getOrDefault(entry.getKey(), 0) + entry.getValue() <= cap;
        });
    }

    private static void replace(List<Place> places, UUID groupId, Map<String, Integer> counts, boolean remove) {
        for (int i = 0; i < places.size(); i++) {
            Place place = places.get(i);
            if (place.groupId().equals(groupId)) {
                if (remove) {
                    places.remove(i);
                } else {
                    places.set(i, new Place(groupId, Map.copyOf(counts), place.since()));
                }
                return;
            }
        }
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

    public List<UUID> pendingPromotions() {
        return List.copyOf(promotions);
    }

    /** How many places are taken, in total and by role. */
    public Map<String, Integer> placesTaken() {
        Map<String, Integer> used = new HashMap<>();
        seats.forEach(place -> place.counts().forEach((role, n) -> used.merge(role, n, Integer::sum)));
        return used;
    }

    public int waiting() {
        return waitlist.stream().mapToInt(place -> place.counts().values().stream().mapToInt(Integer::intValue).sum())
                .sum();
    }

    /** @param byRole the most places a role may take; a role not named is limited by the total only */
    public record Capacity(int total, Map<String, Integer> byRole) {
    }

    /** The places a group holds or waits for, by role, since when. */
    public record Place(UUID groupId, Map<String, Integer> counts, Instant since) {
    }

    public enum PlaceDecision { HELD, WAITLISTED }
}
