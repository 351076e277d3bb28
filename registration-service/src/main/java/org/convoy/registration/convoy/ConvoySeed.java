package org.convoy.registration.convoy;

import java.time.LocalDate;
import java.util.Map;

import org.convoy.registration.convoy.domain.Convoy;
import org.convoy.registration.convoy.domain.ConvoyRepository;
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

    private final ConvoyRepository convoys;
    private final MongoOperations mongo;

    ConvoySeed(ConvoyRepository convoys, MongoOperations mongo) {
        this.convoys = convoys;
        this.mongo = mongo;
    }

    @Override
    public void afterSingletonsInstantiated() {
        StoredNames.renameCollection(mongo, "editions", Convoy.COLLECTION);
        SeedFiles.insertMissing(SeedFiles.read("seed/convoys.json", SeedConvoy[].class),
                seed -> convoys.existsById(seed.id()), seed -> convoys.insert(seed.open()))
                .forEach(seed -> log.atInfo().addKeyValue("convoyId", seed.id()).log("Convoy opened from seed"));
    }

    record SeedConvoy(String id, String name, LocalDate startsOn, LocalDate endsOn, LocalDate retainUntil,
            int capacity, Map<String, Integer> capacityByRole) {

        Convoy open() {
            return Convoy.open(id, name, startsOn, endsOn, retainUntil, new Convoy.Capacity(capacity, capacityByRole));
        }
    }
}
