package org.convoy.kraft;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

/**
 * One node of a KRaft cluster as a process of its own, so that it can be killed and started again on its own:
 * {@code java -cp … org.convoy.kraft.KraftNode --node-id=2 --port=9192 --controller-port=9193
 * --voters=1@localhost:9093,2@localhost:9193,3@localhost:9293 --data-dir=.local-data --cluster-id=…}. It stops
 * (a controlled shutdown) on SIGTERM.
 */
public final class KraftNode {

    private static final List<String> SETTINGS = List.of("node-id", "port", "controller-port", "voters", "data-dir",
            "cluster-id");

    private KraftNode() {
    }

    public static void main(String[] args) throws InterruptedException {
        Map<String, String> given = new HashMap<>();
        for (String arg : args) {
            int equals = arg.indexOf('=');
            if (!arg.startsWith("--") || equals < 0 || !SETTINGS.contains(arg.substring(2, equals))) {
                usage("Unknown argument " + arg);
            }
            given.put(arg.substring(2, equals), arg.substring(equals + 1));
        }
        if (!given.keySet().containsAll(SETTINGS)) {
            usage("Missing settings");
        }
        int nodeId = Integer.parseInt(given.get("node-id"));
        KraftBroker broker = KraftBroker.clusterNode(nodeId, Integer.parseInt(given.get("port")),
                Integer.parseInt(given.get("controller-port")), given.get("voters"), given.get("cluster-id"),
                Path.of(given.get("data-dir")));
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            broker.close();
            stopped.countDown();
        }, "kraft-node-stop"));
        try {
            broker.start();
        } catch (IllegalStateException e) {
            System.err.println(e.getMessage());
            System.exit(1);
        }
        System.out.println("Kafka node " + nodeId + " listening on " + broker.bootstrapServers());
        stopped.await();
    }

    private static void usage(String problem) {
        System.err.println(problem + "; settings: " + String.join(" ", SETTINGS.stream().map(s -> "--" + s + "=…")
                .toList()));
        System.exit(2);
    }
}
