package org.convoy.store;

import java.util.List;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.DatabaseResolver;
import de.bwaldvogel.mongo.backend.aggregation.Aggregation;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.oplog.Oplog;

/**
 * An aggregation that starts with {@code $match} reads what that match finds, through the collection's indexes,
 * instead of every document. The driver counts this way ({@code countDocuments}, and Spring Data's {@code exists}
 * with it), so without this every "does this event exist already?" read the whole collection.
 */
final class MatchFirstAggregation {

    private MatchFirstAggregation() {
    }

    /** The command's answer, or {@code null} when it is not such an aggregation and the store answers it as usual. */
    static Document answer(MongoDatabase database, String command, Document query, DatabaseResolver resolver,
            Oplog oplog) {
        if (!"aggregate".equalsIgnoreCase(command) || query.containsKey("let")
                || !(query.get(command) instanceof String collectionName)) {
            return null;
        }
        List<Document> pipeline = Aggregation.parse(query.get("pipeline"));
        if (pipeline.isEmpty() || pipeline.get(0).size() != 1
                || !(pipeline.get(0).get("$match") instanceof Document match) || match.containsKey("$expr")) {
            return null;
        }
        MongoCollection<?> collection = database.resolveCollection(collectionName, false);
        if (collection == null) {
            return null;
        }
        Aggregation rest = Aggregation.fromPipeline(pipeline.subList(1, pipeline.size()), resolver, database,
                collection, oplog);
        rest.validate(query);
        List<Document> documents = rest.runStages(collection.handleQueryAsStream(match));
        Document cursor = new Document("id", 0L).append("ns", database.getDatabaseName() + "." + collectionName)
                .append("firstBatch", documents);
        return new Document("cursor", cursor).append("ok", 1.0);
    }
}
