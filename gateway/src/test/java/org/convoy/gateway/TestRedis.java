package org.convoy.gateway;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Assumptions;

/**
 * A real Redis for the tests of shared gateway state: Debian's {@code redis-server} as a child process on a free port,
 * keeping nothing on disk. It can be killed and started again on the same port, as an outage. Where the binary is
 * missing the tests are skipped (CI installs it).
 */
public final class TestRedis implements AutoCloseable {

    private static final Path BINARY = Path.of("/usr/bin/redis-server");

    private final int port;
    private Process process;

    private TestRedis(int port) {
        this.port = port;
    }

    /** For {@code @EnabledIf("org.convoy.gateway.TestRedis#installed")}: the test class is reported skipped without. */
    public static boolean installed() {
        return Files.isExecutable(BINARY);
    }

    /** Started and answering PING; skips the calling test class when there is no redis-server here. */
    public static TestRedis start() {
        TestRedis redis = notStarted();
        redis.restart();
        return redis;
    }

    /** A free port for a server that {@link #restart()} starts later. */
    public static TestRedis notStarted() {
        Assumptions.assumeTrue(installed(), "redis-server is not installed at " + BINARY);
        TestRedis redis = new TestRedis(freePort());
        Runtime.getRuntime().addShutdownHook(new Thread(redis::kill, "test-redis-stop"));
        return redis;
    }

    public String url() {
        return "redis://127.0.0.1:" + port;
    }

    public int port() {
        return port;
    }

    /** Starts the server again, on the same port, empty. */
    public synchronized void restart() {
        if (process != null && process.isAlive()) {
            throw new IllegalStateException("Redis is running already");
        }
        try {
            Path log = Files.createDirectories(Path.of("target")).resolve("test-redis-" + port + ".log");
            process = new ProcessBuilder(BINARY.toString(), "--port", String.valueOf(port), "--bind", "127.0.0.1",
                    "--save", "", "--appendonly", "no", "--loglevel", "warning")
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                    .start();
        } catch (IOException e) {
            throw new IllegalStateException("Cannot start " + BINARY, e);
        }
        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(20)).until(this::answersPing);
    }

    /** After a test that stopped it, for the next. */
    public synchronized void startUnlessRunning() {
        if (process == null || !process.isAlive()) {
            restart();
        }
    }

    /** As a hung server: SIGSTOP, so that connections stay open and nothing answers. */
    public void pause() {
        signal("-STOP");
    }

    /** Answers again, after {@link #pause()}. */
    public void resume() {
        signal("-CONT");
    }

    /** As a crash: SIGKILL, and gone once this returns. */
    public synchronized void kill() {
        if (process == null) {
            return;
        }
        process.destroyForcibly();
        try {
            process.waitFor(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private synchronized void signal(String signal) {
        try {
            int exit = new ProcessBuilder("kill", signal, String.valueOf(process.pid())).start().waitFor();
            if (exit != 0) {
                throw new IllegalStateException("kill " + signal + " exited with " + exit);
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        kill();
    }

    private boolean answersPing() {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
            socket.setSoTimeout(500);
            OutputStream out = socket.getOutputStream();
            out.write("PING\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            byte[] answer = new byte[7];
            int read = in.readNBytes(answer, 0, answer.length);
            return new String(answer, 0, read, StandardCharsets.US_ASCII).startsWith("+PONG");
        } catch (IOException notYet) {
            return false;
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
