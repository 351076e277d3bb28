package org.convoy.scheduling.convoy;

import org.convoy.scheduling.convoy.domain.Convoy;
import org.convoy.scheduling.convoy.domain.ConvoyRepository;
import org.convoy.support.store.SeedFiles;
import org.convoy.support.store.StoredNames;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.stereotype.Component;

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
        SeedFiles.insertMissing(SeedFiles.read("seed/convoys.json", Convoy[].class),
                convoy -> convoys.existsById(convoy.id()), convoys::insert)
                .forEach(convoy -> log.atInfo().addKeyValue("convoyId", convoy.id()).log("Convoy loaded from seed"));
    }
}
