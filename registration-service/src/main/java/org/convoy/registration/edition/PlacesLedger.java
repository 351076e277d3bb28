package org.convoy.registration.edition;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

import org.convoy.registration.edition.domain.Edition;
import org.convoy.registration.edition.domain.EditionRepository;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.stereotype.Service;

/**
 * Decisions about places, each one optimistic write of the edition document, retried when another decision
 * got there first. Every operation can be repeated safely.
 */
@Service
public class PlacesLedger {

    private static final int ATTEMPTS = 50;

    private final EditionRepository editions;
    private final Clock clock;

    PlacesLedger(EditionRepository editions, Clock clock) {
        this.editions = editions;
        this.clock = clock;
    }

    public Edition.PlaceDecision allocate(String convoyId, UUID groupId, Map<String, Integer> counts) {
        return change(convoyId, edition -> edition.allocate(groupId, counts, clock.instant()));
    }

    public List<UUID> release(String convoyId, UUID groupId, Map<String, Integer> remaining) {
        return change(convoyId, edition -> edition.release(groupId, remaining));
    }

    public void promotionDelivered(String convoyId, UUID groupId) {
        change(convoyId, edition -> {
            edition.promotionDelivered(groupId);
            return null;
        });
    }

    public List<UUID> pendingPromotions(String convoyId) {
        return edition(convoyId).pendingPromotions();
    }

    private <T> T change(String convoyId, Function<Edition, T> change) {
        for (int attempt = 1; ; attempt++) {
            Edition edition = edition(convoyId);
            T result = change.apply(edition);
            try {
                editions.save(edition);
                return result;
            } catch (OptimisticLockingFailureException e) {
                if (attempt == ATTEMPTS) {
                    throw e;
                }
                Thread.onSpinWait();
            }
        }
    }

    private Edition edition(String convoyId) {
        return editions.findById(convoyId).orElseThrow(() -> new UnknownEditionException(convoyId));
    }
}
