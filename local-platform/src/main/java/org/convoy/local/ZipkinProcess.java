package org.convoy.local;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Zipkin's server ({@code io.zipkin:zipkin-server}, its runnable {@code exec} jar) as its own JVM process: every
 * service and gateway sends it their spans, and its page shows each journey as one trace. It keeps them in memory, so
 * a restart of the platform starts with none. Only its warnings, its errors and the line with its address are shown,
 * under its name. It runs as a {@link ServiceProcess} whose readiness is Zipkin's {@code /health}.
 */
final class ZipkinProcess implements ChildProcess {

    /**
     * Zipkin drops its oldest traces beyond this many spans, which bounds its heap: sent 80,000 spans of ten tags each,
     * it kept answering with 256 MiB of heap (about 370 MB resident).
     */
    static final int MAX_SPANS = 50_000;
    static final List<String> JAVA_OPTIONS = List.of("-Xmx256m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
            "-Dspring.main.banner-mode=off", "-Dlogging.level.root=WARN",
            // Zipkin's own metrics set-up warns about a filter added late, on every start; nothing to act on.
            "-Dlogging.level.io.micrometer.prometheus=ERROR");

    private final Path jar;
    private final ServiceProcess process;

    /** @param index where its lines take their colour among the platform's processes */
    ZipkinProcess(Path jar, int port, int index, Console console) {
        this.jar = jar;
        Map<String, String> environment = new HashMap<>(Map.of("QUERY_PORT", String.valueOf(port), "STORAGE_TYPE",
                "mem", "MEM_MAX_SPANS", String.valueOf(MAX_SPANS)));
        if (System.getenv("MALLOC_ARENA_MAX") == null) {
            environment.put("MALLOC_ARENA_MAX", "2");
        }
        this.process = new ServiceProcess("zipkin", index, jar, JAVA_OPTIONS, environment, port, console, "health");
    }

    void start() {
        process.start();
    }

    /** Waits until Zipkin answers its health check; throws if it ends or does not answer in time. */
    void awaitReady(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!process.isReady()) {
            if (!isAlive()) {
                throw new PlatformException(name() + " exited with code " + exitCode()
                        + " while starting; its last lines above say why.");
            }
            if (System.nanoTime() > deadline) {
                throw new PlatformException(name() + " did not answer " + url() + "health within "
                        + timeout.toSeconds() + " s");
            }
            try {
                Thread.sleep(250);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new PlatformException("Interrupted while starting " + name());
            }
        }
    }

    /** Asks Zipkin to stop (SIGTERM), then kills it after the grace period. */
    void stop(Duration grace) {
        process.stop(grace);
    }

    /** Its address: the page under {@code zipkin/}, the API under {@code api/v2/}. */
    String url() {
        return process.url();
    }

    /** What every process is given as {@code ZIPKIN_ENDPOINT}. */
    String spansEndpoint() {
        return url() + "api/v2/spans";
    }

    long pid() {
        return process.pid();
    }

    /** What its command line contains: how a Zipkin left running by an earlier run on this data is known. */
    String marker() {
        return jar.toString();
    }

    @Override
    public String name() {
        return process.name();
    }

    @Override
    public boolean isAlive() {
        return process.isAlive();
    }

    @Override
    public int exitCode() {
        return process.exitCode();
    }

    @Override
    public Process process() {
        return process.process();
    }
}
