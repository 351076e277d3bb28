package org.convoy.store;

import java.nio.file.Path;
import java.util.List;

import de.bwaldvogel.mongo.MongoBackend;
import de.bwaldvogel.mongo.backend.DatabaseResolver;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.backend.h2.H2Database;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import de.bwaldvogel.mongo.backend.memory.MemoryDatabase;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.oplog.Oplog;
import io.netty.channel.Channel;

/**
 * The MongoDB-wire store's backends. mongo-java-server alone builds unique indexes only, and uses one only for a
 * query on exactly its fields: every other query, including each optimistic-locked save ({@code _id} and
 * {@code version}), reads the whole collection, so a service's writes slow down as its data grows. These backends
 * build the secondary indexes the services declare, let any index narrow a query that names its fields, and run an
 * aggregation that starts with {@code $match} (how the driver counts) on what that match finds.
 */
public final class WireStore {

    private WireStore() {
    }

    /** A store kept in an H2 file, which survives a restart; its indexes are built in memory when it opens. */
    public static MongoBackend file(Path file) {
        return new FileBackend(file.toString());
    }

    /** A store in memory, for tests. */
    public static MongoBackend memory() {
        return new InMemoryBackend();
    }

    private static final class FileBackend extends H2Backend {

        FileBackend(String fileName) {
            super(fileName);
        }

        @Override
        protected H2Database openOrCreateDatabase(String databaseName) {
            return new H2Database(databaseName, getMvStore(), getCursorRegistry()) {

                @Override
                protected Index<Object> openOrCreateUniqueIndex(String collectionName, String indexName,
                        List<IndexKey> keys, boolean sparse) {
                    return new NarrowingIndex<>(new HashUniqueIndex<>(indexName, keys, sparse), sparse);
                }

                @Override
                public Document handleCommand(Channel channel, String command, Document query,
                        DatabaseResolver resolver, Oplog oplog) {
                    Document answer = MatchFirstAggregation.answer(this, command, query, resolver, oplog);
                    return answer != null ? answer : super.handleCommand(channel, command, query, resolver, oplog);
                }

                @Override
                protected Index<Object> openOrCreateSecondaryIndex(String collectionName, String indexName,
                        List<IndexKey> keys, boolean sparse) {
                    return new SecondaryIndex<>(indexName, keys, sparse);
                }
            };
        }
    }

    private static final class InMemoryBackend extends MemoryBackend {

        @Override
        public MemoryDatabase openOrCreateDatabase(String databaseName) {
            return new MemoryDatabase(databaseName, getCursorRegistry()) {

                @Override
                protected Index<Integer> openOrCreateUniqueIndex(String collectionName, String indexName,
                        List<IndexKey> keys, boolean sparse) {
                    return new NarrowingIndex<>(super.openOrCreateUniqueIndex(collectionName, indexName, keys, sparse),
                            sparse);
                }

                @Override
                public Document handleCommand(Channel channel, String command, Document query,
                        DatabaseResolver resolver, Oplog oplog) {
                    Document answer = MatchFirstAggregation.answer(this, command, query, resolver, oplog);
                    return answer != null ? answer : super.handleCommand(channel, command, query, resolver, oplog);
                }

                @Override
                protected Index<Integer> openOrCreateSecondaryIndex(String collectionName, String indexName,
                        List<IndexKey> keys, boolean sparse) {
                    return new SecondaryIndex<>(indexName, keys, sparse);
                }
            };
        }
    }
}
