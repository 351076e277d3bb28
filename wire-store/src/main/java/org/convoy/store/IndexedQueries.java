package org.convoy.store;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.backend.Missing;
import de.bwaldvogel.mongo.bson.BsonRegularExpression;
import de.bwaldvogel.mongo.bson.Document;

/**
 * When an index can narrow a query: the query names every field of the index with a plain value (not an operator,
 * a sub-document, an array, a pattern or null), or, for an index on one field, with {@code $in} a list of plain
 * values. The index then gives the candidates, and the store matches the whole query against them, as MongoDB does
 * with an index on some of the query's fields.
 */
final class IndexedQueries {

    private static final String IN = "$in";

    private IndexedQueries() {
    }

    /** The index's key values that the query asks for, or {@code null} when the index cannot narrow it. */
    static List<KeyValue> narrowing(List<IndexKey> keys, Document query) {
        if (keys.size() == 1 && query.get(keys.get(0).getKey()) instanceof Document operator
                && operator.size() == 1 && operator.get(IN) instanceof Collection<?> values) {
            List<KeyValue> wanted = new ArrayList<>(values.size());
            for (Object value : values) {
                if (!plain(value)) {
                    return null;
                }
                wanted.add(new KeyValue(value).normalized());
            }
            return wanted;
        }
        Object[] values = new Object[keys.size()];
        for (int i = 0; i < values.length; i++) {
            String field = keys.get(i).getKey();
            Object value = query.get(field);
            if (!query.containsKey(field) || !plain(value)) {
                return null;
            }
            values[i] = value;
        }
        return List.of(new KeyValue(values).normalized());
    }

    /** The query cut down to the index's fields, for an index that answers such a query itself. */
    static Document cut(List<IndexKey> keys, Document query) {
        Document cut = new Document();
        for (IndexKey key : keys) {
            cut.put(key.getKey(), query.get(key.getKey()));
        }
        return cut;
    }

    private static boolean plain(Object value) {
        return value != null && !(value instanceof Missing) && !(value instanceof Document)
                && !(value instanceof Collection) && !(value instanceof Map)
                && !BsonRegularExpression.isRegularExpression(value);
    }
}
