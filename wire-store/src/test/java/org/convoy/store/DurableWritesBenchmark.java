package org.convoy.store;

import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import org.bson.Document;

/**
 * Single-document inserts against the file store through the MongoDB driver: writes per second and the latency of
 * one acknowledged insert. Not a test; run by hand (see the README's performance section):
 * <pre>
 * ./mvnw -B -o -q -pl wire-store test-compile dependency:build-classpath -Dmdep.outputFile=target/cp.txt
 * java -cp wire-store/target/test-classes:wire-store/target/classes:$(cat wire-store/target/cp.txt) \
 *     org.convoy.store.DurableWritesBenchmark [threads] [inserts per thread] [WRITTEN|FORCED]
 * </pre>
 */
public final class DurableWritesBenchmark {

    private DurableWritesBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int threads = args.length > 0 ? Integer.parseInt(args[0]) : 16;
        int perThread = args.length > 1 ? Integer.parseInt(args[1]) : 2000;
        WireStore.Durability durability = args.length > 2 ? WireStore.Durability.valueOf(args[2])
                : WireStore.Durability.WRITTEN;
        Path directory = Files.createTempDirectory("durable-writes");
        Path file = directory.resolve("store.mv");
        H2Backend backend = (H2Backend) WireStore.file(file, durability);
        MongoServer server = new MongoServer(backend);
        WireStore.bind(server, "127.0.0.1", 0);
        InetSocketAddress address = server.getLocalAddress();
        try (MongoClient client = MongoClients.create(
                "mongodb://127.0.0.1:" + address.getPort() + "/?maxPoolSize=" + Math.max(threads, 1))) {
            MongoCollection<Document> delegates = client.getDatabase("bench").getCollection("delegates");
            run(delegates, threads, Math.max(perThread / 4, 1), "warm-up");
            long start = System.nanoTime();
            long firstVersion = backend.getMvStore().getCurrentVersion();
            long[] latencies = run(delegates, threads, perThread, "run");
            long commits = backend.getMvStore().getCurrentVersion() - firstVersion;
            report(durability + ", " + threads + " threads x " + perThread + " inserts", latencies,
                    System.nanoTime() - start, commits, Files.size(file));
        } finally {
            server.shutdownNow();
            Files.deleteIfExists(file);
            Files.deleteIfExists(directory);
        }
    }

    private static long[] run(MongoCollection<Document> delegates, int threads, int perThread, String name)
            throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<long[]>> writers = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                String prefix = name + "-" + t + "-";
                writers.add(pool.submit(() -> {
                    long[] nanos = new long[perThread];
                    for (int i = 0; i < perThread; i++) {
                        long start = System.nanoTime();
                        delegates.insertOne(new Document("_id", prefix + i)
                                .append("email", prefix + i + "@example.org")
                                .append("fullName", "Maria Delegate " + i)
                                .append("city", "Zapopan"));
                        nanos[i] = System.nanoTime() - start;
                    }
                    return nanos;
                }));
            }
            long[] all = new long[threads * perThread];
            int at = 0;
            for (Future<long[]> writer : writers) {
                long[] nanos = writer.get(10, TimeUnit.MINUTES);
                System.arraycopy(nanos, 0, all, at, nanos.length);
                at += nanos.length;
            }
            return all;
        } finally {
            pool.shutdownNow();
        }
    }

    private static void report(String run, long[] latencies, long wallNanos, long commits, long fileBytes) {
        double writesPerSecond = latencies.length / (wallNanos / 1e9);
        Arrays.sort(latencies);
        System.out.printf("%s: %.0f writes/s, p50 %.2f ms, p99 %.2f ms, max %.1f ms; %d commits, file %d MiB%n",
                run, writesPerSecond, millis(latencies, 0.50), millis(latencies, 0.99),
                latencies[latencies.length - 1] / 1e6, commits, fileBytes >> 20);
    }

    private static double millis(long[] sorted, double quantile) {
        return sorted[(int) Math.min(sorted.length - 1, Math.round(quantile * sorted.length))] / 1e6;
    }
}
