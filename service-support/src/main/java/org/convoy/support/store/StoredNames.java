package org.convoy.support.store;

import com.mongodb.MongoNamespace;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.mongodb.core.MongoOperations;

/** Keeps data written under an earlier name: a collection that was renamed in code is renamed in the store once. */
public final class StoredNames {

    private static final Logger log = LoggerFactory.getLogger(StoredNames.class);

    private StoredNames() {
    }

    /** Renames {@code from} to {@code to} when only the old one exists; does nothing otherwise. */
    public static void renameCollection(MongoOperations mongo, String from, String to) {
        if (!mongo.collectionExists(from) || mongo.collectionExists(to)) {
            return;
        }
        String database = mongo.getCollection(from).getNamespace().getDatabaseName();
        mongo.getCollection(from).renameCollection(new MongoNamespace(database, to));
        log.atInfo().addKeyValue("from", from).addKeyValue("to", to).log("Collection renamed");
    }
}
