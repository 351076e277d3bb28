package org.convoy.local;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * One Kafka broker (and controller) of a cluster as its own JVM process ({@code org.convoy.kraft.KraftNode}), its
 * output shown under its name ({@code kafka-2}). It can be killed outright and started again on the same data, as a
 * broker that crashed and came back.
 */
final class BrokerProcess implements ChildProcess {

    static final String MAIN_CLASS = "org.convoy.kraft.KraftNode";
    /**
     * A broker of a local cluster needs little heap; C1 only, as for the services, for a quick start on a small
     * machine.
     */
    static final List<String> JAVA_OPTIONS = List.of("-Xmx512m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
            "-Dlogback.configurationFile=kraft-node-logback.xml");

    private final int nodeId;
    private final int port;
    private final int controllerPort;
    private final String voters;
    private final String clusterId;
    private final Path dataDir;
    private final String classPath;
    private final Console console;
    private volatile Process process;

    /**
     * @param classPath where {@code KraftNode}, Kafka and logback are: the launcher's own class path
     *        ({@code local-platform.jar}, whose manifest names its {@code lib/})
     */
    BrokerProcess(int nodeId, int port, int controllerPort, String voters, String clusterId, Path dataDir,
            String classPath, Console console) {
        this.nodeId = nodeId;
        this.port = port;
        this.controllerPort = controllerPort;
        this.voters = voters;
        this.clusterId = clusterId;
        this.dataDir = dataDir;
        this.classPath = classPath;
        this.console = console;
    }

    /** Starts the broker's process; again after {@link #kill()}, on the data it had. */
    synchronized void start() {
        if (isAlive()) {
            throw new IllegalStateException(name() + " is running already (pid " + pid() + ")");
        }
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(JAVA_OPTIONS);
        command.add("-cp");
        command.add(classPath);
        command.add(MAIN_CLASS);
        command.add(marker().substring(MAIN_CLASS.length() + 1));
        command.add("--node-id=" + nodeId);
        command.add("--port=" + port);
        command.add("--controller-port=" + controllerPort);
        command.add("--voters=" + voters);
        command.add("--cluster-id=" + clusterId);
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        if (System.getenv("MALLOC_ARENA_MAX") == null) {
            builder.environment().put("MALLOC_ARENA_MAX", "2");
        }
        Process started;
        try {
            started = builder.start();
        } catch (IOException e) {
            throw new PlatformException("Could not start " + name() + ": " + e.getMessage(), e);
        }
        process = started;
        Thread pump = new Thread(() -> pumpOutput(started), name() + "-output");
        pump.setDaemon(true);
        pump.start();
    }

    private void pumpOutput(Process source) {
        try (BufferedReader reader = new BufferedReader(
                new InputStreamReader(source.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                console.processLine(name(), PlatformConfig.SERVICES.size() + nodeId - 1, line);
            }
        } catch (IOException ignored) {
            // the process ended
        }
    }

    /** Kills the broker outright (SIGKILL, no controlled shutdown) and returns once its process has ended. */
    void kill() {
        Process running = process;
        if (running == null) {
            return;
        }
        running.destroyForcibly();
        try {
            running.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for " + name() + " to end", e);
        }
    }

    /** Asks the broker to stop (SIGTERM: a controlled shutdown), then kills it after the grace period. */
    void stop(Duration grace) {
        Process running = process;
        if (running == null || !running.isAlive()) {
            return;
        }
        running.destroy();
        try {
            if (!running.waitFor(grace.toMillis(), TimeUnit.MILLISECONDS)) {
                running.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            running.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public boolean isAlive() {
        Process running = process;
        return running != null && running.isAlive();
    }

    /** The process id of the broker's current process. */
    long pid() {
        return process.pid();
    }

    @Override
    public int exitCode() {
        return process.exitValue();
    }

    @Override
    public Process process() {
        return process;
    }

    int nodeId() {
        return nodeId;
    }

    @Override
    public String name() {
        return "kafka-" + nodeId;
    }

    String address() {
        return "localhost:" + port;
    }

    /**
     * What its command line contains and that of a broker of another data directory does not: how a broker left
     * running by an earlier run on this data is known.
     */
    String marker() {
        return MAIN_CLASS + " --data-dir=" + dataDir;
    }
}
