package org.convoy.scheduling.convoy;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;

import org.convoy.scheduling.convoy.domain.Convoy;
import org.convoy.scheduling.convoy.domain.ConvoyDefinition;
import org.convoy.scheduling.convoy.domain.ConvoyRepository;
import org.convoy.scheduling.convoy.domain.ConvoyRules;
import org.convoy.scheduling.convoy.domain.ConvoyStatus;
import org.convoy.support.outbox.OutboxRelay;
import org.convoy.support.problem.ConflictException;
import org.convoy.support.store.OptimisticWrites;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;

/**
 * The convoys: found for the rest of the service (unknown ones refused in one way everywhere), and created, edited
 * and moved through their statuses by organizers. Every change is published on the convoy stream in the same write.
 */
@Service
public class Convoys {

    private static final Logger log = LoggerFactory.getLogger(Convoys.class);

    private final ConvoyRepository convoys;
    private final OptimisticWrites writes;
    private final ObjectProvider<ConvoyReferences.ConfirmedMeetingDays> meetingDays;
    private final ObjectProvider<ConvoyReferences.HeldPlaces> heldPlaces;
    private final ApplicationEventPublisher events;
    private final OutboxRelay relay;
    private final Clock clock;

    /** The references are looked up when needed: the features that give them use this one. */
    Convoys(ConvoyRepository convoys, OptimisticWrites writes,
            ObjectProvider<ConvoyReferences.ConfirmedMeetingDays> meetingDays,
            ObjectProvider<ConvoyReferences.HeldPlaces> heldPlaces, ApplicationEventPublisher events, OutboxRelay relay, Clock clock) {
        this.convoys = convoys;
        this.writes = writes;
        this.meetingDays = meetingDays;
        this.heldPlaces = heldPlaces;
        this.events = events;
        this.relay = relay;
        this.clock = clock;
    }

    public Convoy get(String convoyId) {
        return convoys.findById(convoyId).orElseThrow(() -> new UnknownConvoyException(convoyId));
    }

    public List<Convoy> all() {
        return convoys.findAll();
    }

    public boolean exists(String convoyId) {
        return convoys.existsById(convoyId);
    }

    /**
     * Creates a convoy as a draft and publishes it. With {@code copyFrom}, the hosts of that convoy that receive
     * delegations in one of the new convoy's cities take part in it too, their availability moved by as many days
     * as the convoy's start moved.
     *
     * @throws ConflictException when a convoy has this id
     */
    public Convoy create(String convoyId, LocalDate startsOn, LocalDate endsOn, ConvoyDefinition definition,
            String copyFrom) {
        ConvoyRules.check(startsOn, endsOn, definition);
        if (copyFrom != null) {
            get(copyFrom);
        }
        Convoy created;
        try {
            created = convoys.insert(Convoy.draft(convoyId, definition, copyFrom).published(clock.instant()));
        } catch (DuplicateKeyException e) {
            throw new ConflictException("Convoy exists", "There is already a convoy " + convoyId + ".");
        }
        relay.nudge(created);
        log.atInfo().addKeyValue("convoyId", convoyId).addKeyValue("copiedFrom", copyFrom).log("Convoy created");
        if (copyFrom != null) {
            events.publishEvent(new ConvoyCopied(copyFrom, convoyId));
        }
        return created;
    }

    /**
     * Changes a draft or open convoy. Places cannot drop below those delegates hold, and a day with confirmed
     * meetings stays; a new date range is announced to the convoy's delegates.
     */
    public Convoy redefine(String convoyId, LocalDate startsOn, LocalDate endsOn, ConvoyDefinition definition) {
        return redefine(convoyId, startsOn, endsOn, definition, true);
    }

    /**
     * Gives a convoy stored before convoys had places, a window and a status the definition of the sample data: not an
     * organizer's edit, so what delegates hold is not weighed against it (registration never takes a place back).
     */
    Convoy complete(String convoyId, LocalDate startsOn, LocalDate endsOn, ConvoyDefinition definition) {
        return redefine(convoyId, startsOn, endsOn, definition, false);
    }

    private Convoy redefine(String convoyId, LocalDate startsOn, LocalDate endsOn, ConvoyDefinition definition,
            boolean protecting) {
        ConvoyRules.check(startsOn, endsOn, definition);
        Convoy changed = change(convoyId, convoy -> {
            if (!convoy.status().editable()) {
                throw new ConflictException("Convoy not editable", "A convoy is edited while it is a draft or open; "
                        + convoyId + " is " + convoy.status() + ".");
            }
            if (protecting) {
                protect(convoy, definition);
            }
            return convoy.redefined(definition, clock.instant());
        });
        log.atInfo().addKeyValue("convoyId", convoyId).addKeyValue("sequence", changed.sequence()).log("Convoy changed");
        return changed;
    }

    /** Moves a convoy to another status, if that is a step it may take from where it stands. */
    public Convoy move(String convoyId, ConvoyStatus next) {
        Convoy moved = change(convoyId, convoy -> {
            if (convoy.status() == next) {
                return convoy;
            }
            if (!convoy.status().next().contains(next)) {
                throw new ConflictException("Status change not allowed", "A convoy that is " + convoy.status()
                        + " can become " + convoy.status().next() + ", not " + next + ".");
            }
            return convoy.moved(next, clock.instant());
        });
        log.atInfo().addKeyValue("convoyId", convoyId).addKeyValue("status", moved.status()).log("Convoy status");
        return moved;
    }

    /** Applies a change to the convoy as stored, again on the fresh convoy when another writer saved first. */
    private Convoy change(String convoyId, UnaryOperator<Convoy> change) {
        Convoy[] editing = new Convoy[1];
        writes.change(() -> {
            editing[0] = get(convoyId);
            return editing;
        }, held -> held[0] = change.apply(held[0]), held -> {
            held[0] = convoys.save(held[0]);
            return held;
        });
        if (editing[0].hasPendingEvents()) {
            relay.nudge(editing[0]);
        }
        return editing[0];
    }

    private void protect(Convoy convoy, ConvoyDefinition definition) {
        Map<String, Integer> held = heldPlaces.getObject().heldPlaces(convoy.id());
        int heldInAll = held.values().stream().mapToInt(Integer::intValue).sum();
        if (definition.places().total() < heldInAll) {
            throw new ConflictException("Places already taken", "Delegates hold " + heldInAll
                    + " places; the total cannot drop below that.");
        }
        held.forEach((role, count) -> {
            if (definition.places().of(role) < count) {
                throw new ConflictException("Places already taken", "Delegates hold " + count + " places as " + role
                        + "; that role's places cannot drop below that.");
            }
        });
        Set<LocalDate> kept = definition.days().stream().map(Convoy.Day::date)
                .collect(Collectors.toSet());
        meetingDays.getObject().confirmedMeetingDays(convoy.id()).stream().filter(day -> !kept.contains(day)).sorted().findFirst()
                .ifPresent(day -> {
                    throw new ConflictException("Day has meetings", "There are confirmed meetings on " + day
                            + "; cancel them before the day is removed.");
                });
    }
}
