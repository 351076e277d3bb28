package org.convoy.scheduling.delegate;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.convoy.scheduling.convoy.ConvoyReferences;
import org.convoy.scheduling.delegate.domain.ScheduledDelegate;
import org.convoy.scheduling.delegate.domain.ScheduledDelegateRepository;
import org.convoy.support.problem.NotFoundException;
import org.springframework.stereotype.Service;

/** The delegates scheduling knows (its copy, built from delegate events), as planning and its pages read them. */
@Service
public class Delegates implements ConvoyReferences.HeldPlaces {

    private final ScheduledDelegateRepository delegates;

    Delegates(ScheduledDelegateRepository delegates) {
        this.delegates = delegates;
    }

    public ScheduledDelegate get(UUID delegateId) {
        return delegates.findById(delegateId).orElseThrow(() -> unknown(delegateId));
    }

    /** A delegate of this convoy; one of another convoy is as unknown here as one that does not exist. */
    public ScheduledDelegate inConvoy(String convoyId, UUID delegateId) {
        return delegates.findById(delegateId).filter(delegate -> convoyId.equals(delegate.convoyId()))
                .orElseThrow(() -> unknown(delegateId));
    }

    /** The convoy's delegates by family name, then given name. */
    public List<ScheduledDelegate> ofConvoy(String convoyId) {
        return delegates.findByConvoyIdOrderByFamilyNameAscGivenNameAsc(convoyId);
    }

    /** The convoy's delegates who may be put into meetings now. */
    public List<ScheduledDelegate> schedulable(String convoyId) {
        return ofConvoy(convoyId).stream().filter(ScheduledDelegate::schedulable).toList();
    }

    /** Those of the given ids that scheduling knows, by id; read in one query. */
    public Map<UUID, ScheduledDelegate> byId(Collection<UUID> ids) {
        Map<UUID, ScheduledDelegate> known = new HashMap<>();
        delegates.findAllById(List.copyOf(ids)).forEach(delegate -> known.put(delegate.id(), delegate));
        return known;
    }

    /** Places held by role: delegates submitted or approved, as the delegate stream last told of them. */
    @Override
    public Map<String, Integer> heldPlaces(String convoyId) {
        Map<String, Integer> held = new HashMap<>();
        ofConvoy(convoyId).stream()
                .filter(delegate -> delegate.status() == ScheduledDelegate.Status.SUBMITTED
                        || delegate.status() == ScheduledDelegate.Status.APPROVED)
                .forEach(delegate -> held.merge(delegate.role(), 1, Integer::sum));
        return held;
    }

    private static NotFoundException unknown(UUID delegateId) {
        return new NotFoundException("No such delegate", "No delegate " + delegateId + " in this convoy.");
    }
}
