package org.convoy.scheduling.convoy;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import org.convoy.scheduling.convoy.domain.Capacity;
import org.convoy.scheduling.convoy.domain.Convoy;
import org.convoy.scheduling.convoy.domain.ConvoyDefinition;
import org.convoy.scheduling.convoy.domain.ConvoyStatus;
import org.convoy.scheduling.convoy.domain.RegistrationWindow;
import org.convoy.scheduling.convoy.domain.TravelMatrix;
import org.convoy.support.problem.ConflictException;
import org.convoy.support.store.SeedFiles;
import org.convoy.support.store.StoredNames;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.stereotype.Component;

/**
 * Loads the sample convoys of {@code seed/convoys.json} that do not exist yet, through the same steps an organizer
 * takes: created as a draft (copied from an earlier convoy when the seed says so), then moved to the seed's status.
 * California 2023 has been held; California 2027 is open for registration. What organizers changed is left alone.
 * A convoy stored before convoys had places, a registration window and a status takes the seed's definition.
 */
@Component
public class ConvoySeed {

    private static final Logger log = LoggerFactory.getLogger(ConvoySeed.class);

    private final Convoys convoys;
    private final MongoOperations mongo;

    ConvoySeed(Convoys convoys, MongoOperations mongo) {
        this.convoys = convoys;
        this.mongo = mongo;
    }

    /** Loads the convoys that copy no other; safe to run from several instances at once. */
    public void loadOriginals() {
        StoredNames.renameCollection(mongo, "editions", Convoy.COLLECTION);
        load(seed -> seed.copyFrom() == null);
    }

    /** Loads the convoys copied from another, once that one and its hosts are loaded. */
    public void loadCopies() {
        load(seed -> seed.copyFrom() != null);
    }

    private void load(Predicate<SeedConvoy> which) {
        for (SeedConvoy seed : SeedFiles.read("seed/convoys.json", SeedConvoy[].class)) {
            if (!which.test(seed)) {
                continue;
            }
            if (!convoys.exists(seed.id())) {
                try {
                    convoys.create(seed.id(), seed.startsOn(), seed.endsOn(), seed.definition(), seed.copyFrom());
                    log.atInfo().addKeyValue("convoyId", seed.id()).log("Convoy loaded from seed");
                } catch (ConflictException anotherInstanceWasFirst) {
                    continue;
                }
            } else if (convoys.get(seed.id()).places() == null) {
                convoys.complete(seed.id(), seed.startsOn(), seed.endsOn(), seed.definition());
                log.atInfo().addKeyValue("convoyId", seed.id()).log("Convoy completed from seed");
            } else {
                continue;
            }
            ConvoyStatus status = convoys.get(seed.id()).status();
            while (status != seed.status() && status.ordinal() < seed.status().ordinal()) {
                status = convoys.move(seed.id(), ConvoyStatus.values()[status.ordinal() + 1]).status();
            }
        }
    }

    /** The convoys of the seed file, as they stand once loaded. */
    public static List<Convoy> read() {
        return SeedFiles.read("seed/convoys.json", SeedConvoy[].class).stream().map(SeedConvoy::convoy).toList();
    }

    /** A convoy as the seed file writes it: what an organizer would send, and the status it has reached. */
    record SeedConvoy(String id, Map<String, String> names, ConvoyStatus status, LocalDate startsOn, LocalDate endsOn,
            List<Convoy.City> cities, List<Convoy.Day> days, TravelMatrix travel, Capacity places,
            RegistrationWindow registration, LocalDate retainUntil, String copyFrom) {

        ConvoyDefinition definition() {
            return new ConvoyDefinition(names, cities, days, travel, places, registration, retainUntil, null);
        }

        Convoy convoy() {
            Convoy draft = Convoy.draft(id, definition(), copyFrom);
            return new Convoy(id, names, draft.zone(), cities, days, travel, status, registration, places, retainUntil,
                    null, copyFrom, 0, List.of(), null);
        }
    }
}
