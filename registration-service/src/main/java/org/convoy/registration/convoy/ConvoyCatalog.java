package org.convoy.registration.convoy;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import org.convoy.events.ConvoyDetails;
import org.convoy.events.ConvoyPublished;
import org.convoy.registration.convoy.domain.Convoy;
import org.convoy.registration.convoy.domain.ConvoyListing;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;

/**
 * The convoys as registration knows them, from the convoy stream: which take registrations now, until when their
 * delegates' data is kept, and their places, which it hands to the places ledger (a new convoy opens a ledger, new
 * places by role resize it and promote waiting groups that now fit).
 */
@Service
public class ConvoyCatalog {

    private static final Logger log = LoggerFactory.getLogger(ConvoyCatalog.class);

    private final MongoOperations mongo;
    private final PlacesLedger places;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    ConvoyCatalog(MongoOperations mongo, PlacesLedger places, ApplicationEventPublisher events, Clock clock) {
        this.mongo = mongo;
        this.places = places;
        this.events = events;
        this.clock = clock;
    }

    /**
     * Keeps the newest publication of a convoy and brings its ledger in step. Safe to repeat and to receive out of
     * order: an older publication changes nothing, and the ledger is set from the newest copy.
     */
    public void published(ConvoyPublished event) {
        ConvoyListing stored = mongo.findById(event.convoyId(), ConvoyListing.class);
        if (stored == null || stored.sequence() < event.sequence()) {
            mongo.save(new ConvoyListing(event.convoyId(), event.sequence(), event.details()));
            log.atInfo().addKeyValue("convoyId", event.convoyId()).addKeyValue("sequence", event.sequence())
                    .addKeyValue("status", event.details().status()).log("Convoy copy updated");
        }
        ConvoyListing newest = mongo.findById(event.convoyId(), ConvoyListing.class);
        ConvoyDetails details = newest.details();
        if (details.places() == null) {
            return;
        }
        Convoy.Capacity capacity = new Convoy.Capacity(details.places().total(), Map.copyOf(details.places().byRole()));
        if (!places.exists(event.convoyId())) {
            try {
                places.open(Convoy.open(event.convoyId(), details.name("en"), details.startsOn(), details.endsOn(),
                        details.retainUntil(), capacity));
                return;
            } catch (DuplicateKeyException openedMeanwhile) {
                // another instance opened it: resize below
            }
        }
        List<?> promoted = places.resize(event.convoyId(), capacity);
        if (!promoted.isEmpty()) {
            log.atInfo().addKeyValue("convoyId", event.convoyId()).addKeyValue("promoted", promoted.size())
                    .log("Waiting groups promoted into new places");
            events.publishEvent(new PlacesGrew(event.convoyId()));
        }
    }

    /**
     * A convoy registration knows.
     *
     * @throws UnknownConvoyException when the convoy stream has not told of it
     */
    public ConvoyListing get(String convoyId) {
        ConvoyListing listing = mongo.findById(convoyId, ConvoyListing.class);
        if (listing == null) {
            throw new UnknownConvoyException(convoyId);
        }
        return listing;
    }

    /** @throws RegistrationNotOpenException when the convoy takes no registrations at this moment */
    public void requireRegistering(String convoyId) {
        ConvoyListing convoy = get(convoyId);
        ConvoyListing.RegistrationState state = convoy.registration(clock.instant());
        if (state != ConvoyListing.RegistrationState.OPEN) {
            throw new RegistrationNotOpenException(convoy, state);
        }
    }

    public LocalDate retainUntil(String convoyId) {
        ConvoyListing convoy = get(convoyId);
        return convoy.retainUntil() != null ? convoy.retainUntil() : places.retainUntil(convoyId);
    }

    /** The convoys open for registration (whether their window has opened yet or has closed), soonest first. */
    public List<ConvoyListing> open() {
        return mongo.find(Query.query(Criteria.where("details.status").is("OPEN")), ConvoyListing.class).stream()
                .sorted(Comparator.comparing((ConvoyListing convoy) -> convoy.details().startsOn()))
                .toList();
    }
}
