package org.convoy.store;

import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import de.bwaldvogel.mongo.MongoBackend;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.DatabaseResolver;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.backend.h2.H2Database;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import de.bwaldvogel.mongo.backend.memory.MemoryDatabase;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.exception.MongoServerException;
import de.bwaldvogel.mongo.oplog.Oplog;
import io.netty.channel.Channel;
import org.h2.mvstore.MVStore;

/**
 * The MongoDB-wire store's backends. mongo-java-server alone builds unique indexes only, and uses one only for a
 * query on exactly its fields: every other query, including each optimistic-locked save ({@code _id} and
 * {@code version}), reads the whole collection, so a service's writes slow down as its data grows. These backends
 * build the secondary indexes the services declare, let any index narrow a query that names its fields, and run an
 * aggregation that starts with {@code $match} (how the driver counts) on what that match finds.
 */
public final class WireStore {

    private static final int SERVING_THREADS = 32;

    private WireStore() {
    }

    /**
     * A store kept in an H2 file, which survives a restart; its indexes are built in memory when it opens. A write is
     * answered once it is {@linkplain Durability#WRITTEN written} to the file.
     */
    public static MongoBackend file(Path file) {
        return file(file, Durability.WRITTEN);
    }

    /** A store kept in an H2 file that answers a write once it is as durable as {@code durability} says. */
    public static MongoBackend file(Path file, Durability durability) {
        return new FileBackend(file.toString(), durability);
    }

    /**
     * Listens for the clients of {@code server} on {@code host:port}. A write to the file store waits for its commit on
     * the thread that serves its connection, holding up the other connections that thread serves (Netty's default is
     * two threads per core): with a thread for each of up to 32 connections, a waiting write holds up only its own
     * connection, and the writes of more connections wait together and share a commit.
     */
    public static void bind(MongoServer server, String host, int port) {
        server.bind(new InetSocketAddress(host, port), 0, SERVING_THREADS);
    }

    /** A store in memory, for tests. */
    public static MongoBackend memory() {
        return new InMemoryBackend();
    }

    /** When the file store answers a command that changed data. */
    public enum Durability {
        /**
         * Once the change is written to the file, handed to the operating system: it survives the store's process
         * being killed ({@code kill -9}), not a power cut or a crash of the machine before the system flushes it.
         */
        WRITTEN,
        /** Once the change is written to the file and forced to the disk (fsync): it survives a power cut too. */
        FORCED
    }

    /**
     * Commands that only read. Any other command waits for a commit before it is answered: one not listed here costs a
     * commit, never a lost write. An {@code aggregate} with {@code $out} or {@code $merge} writes.
     */
    private static final Set<String> READS = caseInsensitive("find", "getMore", "count", "distinct", "aggregate",
            "listCollections", "listIndexes", "listDatabases", "dbStats", "collStats", "validate", "explain",
            "killCursors", "endSessions", "hello", "isMaster", "ping", "buildInfo", "whatsmyuri", "getLastError",
            "serverStatus", "hostInfo", "getCmdLineOpts", "connectionStatus", "getLog", "replSetGetStatus",
            "getFreeMonitoringStatus", "currentOp");

    /**
     * mongo-java-server's H2 backend changes the MVStore's maps in memory and leaves the commit to MVStore's
     * background writer (about a second later), so a write it acknowledged could vanish with its process. Here a
     * command that may have changed data is answered only after a commit that began once it was applied has
     * written the change to the file ({@link GroupCommit}: concurrent writes share a commit). Reads do not wait.
     */
    private static final class FileBackend extends H2Backend {

        private final GroupCommit commits;

        FileBackend(String fileName, Durability durability) {
            super(fileName);
            MVStore store = getMvStore();
            this.commits = new GroupCommit(() -> commit(store, durability));
        }

        @Override
        public Document handleCommand(Channel channel, String databaseName, String command, Document query) {
            boolean writes = writes(command, query);
            try {
                return super.handleCommand(channel, databaseName, command, query);
            } finally {
                // A write that failed may have applied part of its batch before it did: it waits as well.
                if (writes) {
                    commits.awaitCommit();
                }
            }
        }

        private static boolean writes(String command, Document query) {
            if (command.equalsIgnoreCase("aggregate") && query.get("pipeline") instanceof List<?> stages) {
                return stages.stream().anyMatch(stage -> stage instanceof Document step
                        && (step.containsKey("$out") || step.containsKey("$merge")));
            }
            return !READS.contains(command);
        }

        /** MVStore's commit writes the new chunk to the file and waits for that write; it does not force it to disk. */
        private static void commit(MVStore store, Durability durability) {
            store.commit();
            if (store.isClosed()) {
                throw new MongoServerException("The store closed before the write was committed to its file");
            }
            if (durability == Durability.FORCED) {
                store.sync();
            }
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

    private static Set<String> caseInsensitive(String... names) {
        Set<String> set = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
        set.addAll(List.of(names));
        return Collections.unmodifiableSet(set);
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
