package org.convoy.scheduling.convoy;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;

import org.convoy.scheduling.convoy.domain.Convoy;
import org.convoy.scheduling.convoy.domain.ConvoyRepository;
import org.convoy.support.store.StoredNames;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.ClassPathResource;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.stereotype.Component;

import tools.jackson.databind.json.JsonMapper;

/**
 * Loads the convoys of {@code seed/convoys.json} that do not exist yet (California 2023 ships with the product);
 * what organizers changed is left alone.
 */
@Component
public class ConvoySeed {

    private static final Logger log = LoggerFactory.getLogger(ConvoySeed.class);

    private final ConvoyRepository convoys;
    private final MongoOperations mongo;

    ConvoySeed(ConvoyRepository convoys, MongoOperations mongo) {
        this.convoys = convoys;
        this.mongo = mongo;
    }

    /** Loads what is missing; safe to run from several instances at once. */
    public void load() {
        StoredNames.renameCollection(mongo, "editions", Convoy.COLLECTION);
        for (Convoy convoy : read()) {
            if (convoys.existsById(convoy.id())) {
                continue;
            }
            try {
                convoys.insert(convoy);
                log.atInfo().addKeyValue("convoyId", convoy.id()).log("Convoy loaded from seed");
            } catch (DuplicateKeyException loadedMeanwhile) {
                // another instance loaded it at the same moment
            }
        }
    }

    private static List<Convoy> read() {
        try (InputStream in = new ClassPathResource("seed/convoys.json").getInputStream()) {
            return List.of(JsonMapper.builder().build().readValue(in, Convoy[].class));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
