package org.convoy.registration.edition;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.convoy.registration.edition.domain.Edition;
import org.convoy.registration.edition.domain.EditionRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.core.io.ClassPathResource;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Component;

import tools.jackson.databind.json.JsonMapper;

/** Opens the editions listed in {@code seed/editions.json} (the California 2023 convoy) if they do not exist yet. */
@Component
class EditionSeed implements SmartInitializingSingleton {

    private static final Logger log = LoggerFactory.getLogger(EditionSeed.class);

    private final EditionRepository editions;

    EditionSeed(EditionRepository editions) {
        this.editions = editions;
    }

    @Override
    public void afterSingletonsInstantiated() {
        for (SeedEdition seed : read()) {
            if (editions.existsById(seed.id())) {
                continue;
            }
            try {
                editions.insert(Edition.open(seed.id(), seed.name(), seed.startsOn(), seed.endsOn(), seed.retainUntil(),
                        new Edition.Capacity(seed.capacity(), seed.capacityByRole())));
                log.atInfo().addKeyValue("convoyId", seed.id()).log("Convoy edition opened from seed");
            } catch (DuplicateKeyException openedMeanwhile) {
                // another instance opened it at the same moment
            }
        }
    }

    private static List<SeedEdition> read() {
        try (InputStream in = new ClassPathResource("seed/editions.json").getInputStream()) {
            return List.of(JsonMapper.builder().build().readValue(in, SeedEdition[].class));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    record SeedEdition(String id, String name, LocalDate startsOn, LocalDate endsOn, LocalDate retainUntil,
            int capacity, Map<String, Integer> capacityByRole) {
    }
}
