package org.convoy.scheduling.convoy;

import java.time.Clock;
import java.util.List;
import java.util.Map;

import org.convoy.scheduling.convoy.domain.Convoy;
import org.convoy.scheduling.convoy.domain.ConvoyRepository;
import org.convoy.scheduling.convoy.domain.TravelMatrix;
import org.convoy.support.store.SeedFiles;
import org.convoy.support.store.StoredNames;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.stereotype.Component;

/**
 * Loads the convoys of {@code seed/convoys.json} that do not exist yet (California 2023 ships with the product) and
 * publishes them; what organizers changed is left alone. A convoy stored before convoys had names in each language
 * takes the seed's definition and is published again.
 */
@Component
public class ConvoySeed {

    private static final Logger log = LoggerFactory.getLogger(ConvoySeed.class);

    private final ConvoyRepository convoys;
    private final MongoOperations mongo;
    private final Clock clock;

    ConvoySeed(ConvoyRepository convoys, MongoOperations mongo, Clock clock) {
        this.convoys = convoys;
        this.mongo = mongo;
        this.clock = clock;
    }

    /** Loads what is missing; safe to run from several instances at once. */
    public void load() {
        StoredNames.renameCollection(mongo, "editions", Convoy.COLLECTION);
        List<Convoy> seeds = read();
        for (Convoy seed : seeds) {
            convoys.findById(seed.id()).filter(stored -> stored.names().isEmpty()).ifPresent(unnamed -> {
                convoys.save(new Convoy(seed.id(), seed.names(), seed.zone(), seed.cities(), seed.days(), seed.travel(),
                        unnamed.sequence() + 1, unnamed.outbox(), unnamed.version()).published(clock.instant()));
                log.atInfo().addKeyValue("convoyId", seed.id()).log("Convoy named from seed and published again");
            });
        }
        SeedFiles.insertMissing(seeds, convoy -> convoys.existsById(convoy.id()),
                convoy -> convoys.insert(convoy.published(clock.instant())))
                .forEach(convoy -> log.atInfo().addKeyValue("convoyId", convoy.id()).log("Convoy loaded from seed"));
    }

    /** The convoys of the seed file, as first published. */
    public static List<Convoy> read() {
        return SeedFiles.read("seed/convoys.json", SeedConvoy[].class).stream().map(SeedConvoy::convoy).toList();
    }

    /** A convoy as the seed file writes it: its definition, without a publication history. */
    record SeedConvoy(String id, Map<String, String> names, String zone, List<Convoy.City> cities, List<Convoy.Day> days,
            TravelMatrix travel) {

        Convoy convoy() {
            return new Convoy(id, names, zone, cities, days, travel, 0, List.of(), null);
        }
    }
}
