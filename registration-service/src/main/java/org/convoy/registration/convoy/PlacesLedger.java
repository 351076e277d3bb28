package org.convoy.registration.convoy;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

import org.convoy.registration.convoy.domain.Convoy;
import org.convoy.registration.convoy.domain.ConvoyRepository;
import org.convoy.support.store.OptimisticWrites;
import org.springframework.stereotype.Service;

/**
 * Decisions about places, each one optimistic write of the convoy document, retried when another decision
 * got there first. Every operation can be repeated safely.
 */
@Service
public class PlacesLedger {

    private final ConvoyRepository convoys;
    private final OptimisticWrites writes;
    private final Clock clock;

    PlacesLedger(ConvoyRepository convoys, OptimisticWrites writes, Clock clock) {
        this.convoys = convoys;
        this.writes = writes;
        this.clock = clock;
    }

    public Convoy.PlaceDecision allocate(String convoyId, UUID groupId, Map<String, Integer> counts) {
        return change(convoyId, convoy -> convoy.allocate(groupId, counts, clock.instant()));
    }

    public List<UUID> release(String convoyId, UUID groupId, Map<String, Integer> remaining) {
        return change(convoyId, convoy -> convoy.release(groupId, remaining));
    }

    public void promotionDelivered(String convoyId, UUID groupId) {
        change(convoyId, convoy -> {
            convoy.promotionDelivered(groupId);
            return null;
        });
    }

    public List<UUID> pendingPromotions(String convoyId) {
        return convoy(convoyId).pendingPromotions();
    }

    private <T> T change(String convoyId, Function<Convoy, T> change) {
        return writes.change(() -> convoy(convoyId), change, convoys::save);
    }

    private Convoy convoy(String convoyId) {
        return convoys.findById(convoyId).orElseThrow(() -> new UnknownConvoyException(convoyId));
    }
}
