package org.convoy.registration.convoy;

import java.time.LocalDate;
import java.util.Map;

import org.convoy.registration.convoy.domain.Convoy;
import org.convoy.support.store.SeedFiles;
import org.convoy.support.store.StoredNames;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.stereotype.Component;

/** Opens the convoys listed in {@code seed/convoys.json} (the California 2023 convoy) if they do not exist yet. */
@Component
class ConvoySeed implements SmartInitializingSingleton {

    private static final Logger log = LoggerFactory.getLogger(ConvoySeed.class);

    private final PlacesLedger places;
    private final MongoOperations mongo;

    ConvoySeed(PlacesLedger places, MongoOperations mongo) {
        this.places = places;
        this.mongo = mongo;
    }

    @Override
    public void afterSingletonsInstantiated() {
        StoredNames.renameCollection(mongo, "editions", StoredConvoy.COLLECTION);
        SeedFiles.insertMissing(SeedFiles.read("seed/convoys.json", SeedConvoy[].class),
                seed -> places.exists(seed.id()), seed -> places.open(seed.open()))
                .forEach(seed -> log.atInfo().addKeyValue("convoyId", seed.id()).log("Convoy opened from seed"));
    }

    record SeedConvoy(String id, String name, LocalDate startsOn, LocalDate endsOn, LocalDate retainUntil,
            int capacity, Map<String, Integer> capacityByRole) {

        Convoy open() {
            return Convoy.open(id, name, startsOn, endsOn, retainUntil, new Convoy.Capacity(capacity, capacityByRole));
        }
    }
}
