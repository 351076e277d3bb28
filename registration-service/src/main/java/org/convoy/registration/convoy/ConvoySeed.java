package org.convoy.registration.convoy;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.convoy.registration.convoy.domain.Convoy;
import org.convoy.registration.convoy.domain.ConvoyRepository;
import org.convoy.support.store.StoredNames;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.core.io.ClassPathResource;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.stereotype.Component;

import tools.jackson.databind.json.JsonMapper;

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
        for (SeedConvoy seed : read()) {
            if (convoys.existsById(seed.id())) {
                continue;
            }
            try {
                convoys.insert(Convoy.open(seed.id(), seed.name(), seed.startsOn(), seed.endsOn(), seed.retainUntil(),
                        new Convoy.Capacity(seed.capacity(), seed.capacityByRole())));
                log.atInfo().addKeyValue("convoyId", seed.id()).log("Convoy opened from seed");
            } catch (DuplicateKeyException openedMeanwhile) {
                // another instance opened it at the same moment
            }
        }
    }

    private static List<SeedConvoy> read() {
        try (InputStream in = new ClassPathResource("seed/convoys.json").getInputStream()) {
            return List.of(JsonMapper.builder().build().readValue(in, SeedConvoy[].class));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    record SeedConvoy(String id, String name, LocalDate startsOn, LocalDate endsOn, LocalDate retainUntil,
            int capacity, Map<String, Integer> capacityByRole) {
    }
}
