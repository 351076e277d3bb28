package org.convoy.store;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.bson.Document;

/**
 * A non-unique index, on one field or several, through arrays too ({@code members.delegateId}): for each key value,
 * the documents that have it. It lives in memory and is built from the documents when the store opens. It holds
 * every document, sparse or not; a query it narrows names plain values, and the store matches the whole query
 * against what it gives, so a document too many is never an answer too many.
 */
final class SecondaryIndex<P> extends Index<P> {

    private static final String ID = "_id";

    private final Map<KeyValue, Set<P>> positionsByKey = new HashMap<>();
    private final Map<Object, P> positionsById = new HashMap<>();

    SecondaryIndex(String name, List<IndexKey> keys, boolean sparse) {
        super(name, keys, sparse);
    }

    @Override
    public synchronized boolean canHandle(Document query) {
        return IndexedQueries.narrowing(getKeys(), query) != null;
    }

    @Override
    public synchronized Iterable<P> getPositions(Document query) {
        Set<P> positions = new LinkedHashSet<>();
        for (KeyValue key : IndexedQueries.narrowing(getKeys(), query)) {
            positions.addAll(positionsByKey.getOrDefault(key, Set.of()));
        }
        return new ArrayList<>(positions);
    }

    @Override
    public synchronized P getPosition(Document document) {
        return positionsById.get(idOf(document));
    }

    @Override
    public void checkAdd(Document document, MongoCollection<P> collection) {
        getKeyValues(document); // refuses parallel arrays in a compound index, as MongoDB does
    }

    @Override
    public synchronized void add(Document document, P position, MongoCollection<P> collection) {
        positionsById.put(idOf(document), position);
        for (KeyValue key : getKeyValues(document)) {
            positionsByKey.computeIfAbsent(key, k -> new LinkedHashSet<>()).add(position);
        }
    }

    @Override
    public synchronized P remove(Document document) {
        P position = positionsById.remove(idOf(document));
        if (position != null) {
            for (KeyValue key : getKeyValues(document)) {
                Set<P> positions = positionsByKey.get(key);
                if (positions != null && positions.remove(position) && positions.isEmpty()) {
                    positionsByKey.remove(key);
                }
            }
        }
        return position;
    }

    @Override
    public synchronized long getCount() {
        return positionsById.size();
    }

    @Override
    public synchronized long getDataSize() {
        return positionsById.size();
    }

    @Override
    public void checkUpdate(Document oldDocument, Document newDocument, MongoCollection<P> collection) {
        getKeyValues(newDocument);
    }

    @Override
    public synchronized void updateInPlace(Document oldDocument, Document newDocument, P position,
            MongoCollection<P> collection) {
        if (!nullAwareEqualsKeys(oldDocument, newDocument)) {
            remove(oldDocument);
            add(newDocument, position, collection);
        }
    }

    @Override
    public synchronized void drop() {
        positionsByKey.clear();
        positionsById.clear();
    }

    private static Object idOf(Document document) {
        return new KeyValue(document.get(ID)).normalized();
    }
}
