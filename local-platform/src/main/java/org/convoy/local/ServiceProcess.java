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
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** One service as its own JVM process, its output shown under its name. */
final class ServiceProcess implements ChildProcess {

    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2)).build();

    private final String name;
    private final int index;
    private final Path jar;
    private final List<String> javaOptions;
    private final Map<String, String> environment;
    private final int port;
    private final Console console;
    private final String probe;
    private Process process;

    ServiceProcess(String name, int index, Path jar, List<String> javaOptions, Map<String, String> environment, int port,
            Console console) {
        this(name, index, jar, javaOptions, environment, port, console, null);
    }

    /**
     * @param probe the path that answers 200 once it is ready, or {@code null} for a service's or the gateway's own
     *              ({@link #isReady()})
     */
    ServiceProcess(String name, int index, Path jar, List<String> javaOptions, Map<String, String> environment,
            int port, Console console, String probe) {
        this.probe = probe;
        this.name = name;
        this.index = index;
        this.jar = jar;
        this.javaOptions = javaOptions;
        this.environment = environment;
        this.port = port;
        this.console = console;
    }

    void start() {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(javaOptions);
        command.add("-jar");
        command.add(jar.toString());
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().putAll(environment);
        try {
            process = builder.start();
        } catch (IOException e) {
            throw new PlatformException("Could not start " + name + ": " + e.getMessage(), e);
        }
        Thread pump = new Thread(this::pumpOutput, name + "-output");
        pump.setDaemon(true);
        pump.start();
    }

    private void pumpOutput() {
        try (BufferedReader reader = new BufferedReader(
                new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                console.processLine(name, index, line);
            }
        } catch (IOException ignored) {
            // the process ended
        }
    }

    /**
     * Ready when its readiness probe answers 200 (for services: MongoDB reachable, Kafka bindings up). The gateway
     * shows its probe on the public port as {@code /readyz}; everything else of its actuator is on its management port.
     */
    boolean isReady() {
        String path = probe != null ? probe
                : PlatformConfig.GATEWAY.equals(kind()) ? "readyz" : "actuator/health/readiness";
        try {
            HttpResponse<Void> response = HTTP.send(HttpRequest.newBuilder(URI.create(url() + path))
                    .timeout(Duration.ofSeconds(3)).GET().build(), HttpResponse.BodyHandlers.discarding());
            return response.statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
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

    long pid() {
        return process.pid();
    }

    @Override
    public String name() {
        return name;
    }

    /** The service this is an instance of: {@code registration-service} for {@code registration-service-2}. */
    String kind() {
        return jar.getFileName().toString().replaceFirst("\\.jar$", "");
    }

    /** SIGKILL, as a crash or the kernel's OOM killer would end it: no shutdown hooks run. Waits for the end. */
    void kill() {
        if (process != null && process.isAlive()) {
            process.destroyForcibly();
            try {
                process.waitFor(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    String url() {
        return "http://localhost:" + port + "/";
    }

    Path jar() {
        return jar;
    }

    /** Asks the JVM to stop (SIGTERM, so Spring shuts down gracefully), then forces it and its children. */
    void stop(Duration grace) {
        if (process == null) {
            return;
        }
        List<ProcessHandle> children = process.descendants().toList();
        process.destroy();
        try {
            if (!process.waitFor(grace.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
        children.forEach(ProcessHandle::destroyForcibly);
    }
}
