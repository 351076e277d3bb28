package org.convoy.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import com.mongodb.ConnectionString;
import com.mongodb.MongoException;
import com.mongodb.MongoClientSettings;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Projections;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A write the file store acknowledged is in its file when the client hears of it: the store's process killed
 * (SIGKILL, no chance to close the file) right after the last acknowledgement and started again on the same file
 * has every document it acknowledged, round after round.
 */
class DurableWritesIT {

    private static final int ROUNDS = 5;
    private static final int WRITERS = 4;
    private static final int ACKNOWLEDGED_PER_ROUND = 200;

    @Test
    void everyAcknowledgedInsertSurvivesAKillOfTheStoresProcess(@TempDir Path directory) throws Exception {
        Path file = directory.resolve("store.mv");
        Set<String> acknowledged = ConcurrentHashMap.newKeySet();
        for (int round = 1; round <= ROUNDS + 1; round++) {
            try (StoreProcess store = StoreProcess.start(file, directory.resolve("store-" + round + ".log"));
                    MongoClient client = client(store.port())) {
                MongoCollection<Document> delegates = client.getDatabase("durable").getCollection("delegates");
                Set<String> missing = new HashSet<>(acknowledged);
                missing.removeAll(ids(delegates));
                assertThat(missing)
                        .withFailMessage("After kill %d, %d of the %d acknowledged documents are gone, such as %s",
                                round - 1, missing.size(), acknowledged.size(),
                                missing.stream().sorted().limit(3).toList())
                        .isEmpty();
                if (round <= ROUNDS) {
                    insertUntilKilled(delegates, store, "round" + round, acknowledged);
                }
            }
        }
        assertThat(acknowledged).hasSizeGreaterThanOrEqualTo(ROUNDS * ACKNOWLEDGED_PER_ROUND);
    }

    /** Writers insert one document at a time until {@value #ACKNOWLEDGED_PER_ROUND} are acknowledged, then the kill. */
    private static void insertUntilKilled(MongoCollection<Document> delegates, StoreProcess store, String round,
            Set<String> acknowledged) throws Exception {
        AtomicInteger acknowledgedThisRound = new AtomicInteger();
        ExecutorService writers = Executors.newFixedThreadPool(WRITERS);
        try {
            List<Future<?>> running = new ArrayList<>();
            for (int writer = 0; writer < WRITERS; writer++) {
                String prefix = round + "-writer" + writer + "-";
                running.add(writers.submit(() -> {
                    for (int n = 0; !store.killed(); n++) {
                        String id = prefix + n;
                        try {
                            delegates.insertOne(new Document("_id", id).append("city", "Zapopan"));
                        } catch (MongoException killed) {
                            return;
                        }
                        acknowledged.add(id);
                        if (acknowledgedThisRound.incrementAndGet() == ACKNOWLEDGED_PER_ROUND) {
                            store.kill();
                        }
                    }
                }));
            }
            for (Future<?> writer : running) {
                writer.get(60, TimeUnit.SECONDS);
            }
        } finally {
            writers.shutdownNow();
        }
    }

    private static Set<String> ids(MongoCollection<Document> delegates) {
        Set<String> ids = new HashSet<>();
        delegates.find().projection(Projections.include("_id")).forEach(found -> ids.add(found.getString("_id")));
        return ids;
    }

    private static MongoClient client(int port) {
        return MongoClients.create(MongoClientSettings.builder()
                .applyConnectionString(new ConnectionString("mongodb://127.0.0.1:" + port + "/durable"))
                // A write that meets the killed store fails at once instead of being tried again on a new one.
                .retryWrites(false)
                .retryReads(false)
                .applyToClusterSettings(cluster -> cluster.serverSelectionTimeout(2, TimeUnit.SECONDS))
                .build());
    }

    /** {@link WireStoreProcess} in a JVM of its own, its output in a log file. */
    private static final class StoreProcess implements AutoCloseable {

        private final Process process;
        private final int port;
        private volatile boolean killed;

        private StoreProcess(Process process, int port) {
            this.process = process;
            this.port = port;
        }

        static StoreProcess start(Path file, Path log) throws IOException {
            String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
            Process process = new ProcessBuilder(java, "-Xmx256m", "-XX:+UseSerialGC", "-cp",
                    System.getProperty("java.class.path"), WireStoreProcess.class.getName(), file.toString())
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile())
                    .start();
            try {
                int port = await("the store's ready line in " + log).atMost(Duration.ofSeconds(60))
                        .pollInterval(Duration.ofMillis(20))
                        .until(() -> readyPort(process, log), Optional::isPresent)
                        .orElseThrow();
                return new StoreProcess(process, port);
            } catch (RuntimeException | Error notReady) {
                process.destroyForcibly();
                throw notReady;
            }
        }

        private static Optional<Integer> readyPort(Process process, Path log) {
            List<String> lines = lines(log);
            Optional<Integer> port = lines.stream()
                    .filter(line -> line.startsWith(WireStoreProcess.READY))
                    .map(line -> Integer.valueOf(line.substring(WireStoreProcess.READY.length()).trim()))
                    .findFirst();
            if (port.isEmpty() && !process.isAlive()) {
                throw new IllegalStateException("The store exited with " + process.exitValue() + ":\n"
                        + String.join("\n", lines));
            }
            return port;
        }

        private static List<String> lines(Path log) {
            try {
                return Files.readAllLines(log);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        int port() {
            return port;
        }

        boolean killed() {
            return killed;
        }

        /** SIGKILL on Linux: the process ends at once, whatever its file holds by then stays. */
        void kill() {
            killed = true;
            process.destroyForcibly();
        }

        @Override
        public void close() throws IOException {
            if (!killed) {
                process.getOutputStream().close();
            }
            try {
                if (!process.waitFor(30, TimeUnit.SECONDS)) {
                    process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
                }
            } catch (InterruptedException e) {
                process.destroyForcibly();
                Thread.currentThread().interrupt();
            }
        }
    }
}
