package org.convoy.local;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Zipkin's server ({@code io.zipkin:zipkin-server}, its runnable {@code exec} jar) as its own JVM process: every
 * service and gateway sends it their spans, and its page shows each journey as one trace. It keeps them in memory, so
 * a restart of the platform starts with none. Only its warnings, its errors and the line with its address are shown,
 * under its name.
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

    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2)).build();

    private final Path jar;
    private final int port;
    private final int index;
    private final Console console;
    private Process process;

    /** @param index where its lines take their colour among the platform's processes */
    ZipkinProcess(Path jar, int port, int index, Console console) {
        this.jar = jar;
        this.port = port;
        this.index = index;
        this.console = console;
    }

    void start() {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(JAVA_OPTIONS);
        command.add("-jar");
        command.add(jar.toString());
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().put("QUERY_PORT", String.valueOf(port));
        builder.environment().put("STORAGE_TYPE", "mem");
        builder.environment().put("MEM_MAX_SPANS", String.valueOf(MAX_SPANS));
        if (System.getenv("MALLOC_ARENA_MAX") == null) {
            builder.environment().put("MALLOC_ARENA_MAX", "2");
        }
        try {
            process = builder.start();
        } catch (IOException e) {
            throw new PlatformException("Could not start " + name() + ": " + e.getMessage(), e);
        }
        Thread pump = new Thread(this::pumpOutput, name() + "-output");
        pump.setDaemon(true);
        pump.start();
    }

    private void pumpOutput() {
        try (BufferedReader reader = new BufferedReader(
                new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                if (!line.isBlank()) {
                    console.processLine(name(), index, line);
                }
            }
        } catch (IOException ignored) {
            // the process ended
        }
    }

    /** Waits until Zipkin answers its health check; throws if it ends or does not answer in time. */
    void awaitReady(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!isReady()) {
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

    boolean isReady() {
        try {
            return HTTP.send(HttpRequest.newBuilder(URI.create(url() + "health")).timeout(Duration.ofSeconds(3)).GET()
                    .build(), HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Asks Zipkin to stop (SIGTERM), then kills it after the grace period. */
    void stop(Duration grace) {
        if (process == null || !process.isAlive()) {
            return;
        }
        process.destroy();
        try {
            if (!process.waitFor(grace.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    /** Its address: the page under {@code zipkin/}, the API under {@code api/v2/}. */
    String url() {
        return "http://localhost:" + port + "/";
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
        return "zipkin";
    }

    @Override
    public boolean isAlive() {
        return process != null && process.isAlive();
    }

    @Override
    public int exitCode() {
        return process.exitValue();
    }

    @Override
    public Process process() {
        return process;
    }
}
