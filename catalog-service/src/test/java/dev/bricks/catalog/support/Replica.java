package dev.bricks.catalog.support;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A second catalog replica for the integration tests: the packaged application
 * ({@code target/quarkus-app/quarkus-run.jar}, built by {@code package} before Failsafe runs) as a
 * separate process on its own port, reading the same topic as the test's own replica.
 */
public final class Replica implements AutoCloseable {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final String name;
    private final int port;
    private final Process process;
    private final Path log;

    private Replica(String name, int port, Process process, Path log) {
        this.name = name;
        this.port = port;
        this.process = process;
        this.log = log;
    }

    /** Starts the packaged application; {@code systemProperties} are extra {@code -Dkey=value} settings. */
    public static Replica start(String name, String topic, String... systemProperties) throws IOException {
        Path jar = Path.of("target/quarkus-app/quarkus-run.jar").toAbsolutePath();
        if (!Files.exists(jar)) {
            throw new IllegalStateException(
                    jar + " is missing: run the ITs through 'mvn verify' (package comes first)");
        }
        int port = freePort();
        Path log = Path.of("target", "replica-" + name + ".log").toAbsolutePath();
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new ArrayList<>(List.of(java,
                "-Xmx512m", "-XX:+UseSerialGC",
                "-Dquarkus.http.port=" + port, "-Dbricks.catalog.topic=" + topic,
                "-Dquarkus.log.console.format=%d{HH:mm:ss.SSS} %-5p [%c{2.}] %s%e%n"));
        for (String property : systemProperties) {
            command.add("-D" + property);
        }
        command.addAll(List.of("-jar", jar.toString()));
        Process process = new ProcessBuilder(command).directory(new File("."))
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        Runtime.getRuntime().addShutdownHook(new Thread(process::destroyForcibly)); // never outlive the test JVM
        return new Replica(name, port, process, log);
    }

    /** Waits until /q/health/ready answers 200; stops the process if it never does. */
    public Replica awaitReady(Duration timeout) throws InterruptedException {
        try {
            return waitUntilReady(timeout);
        } catch (RuntimeException | InterruptedException e) {
            close();
            throw e;
        }
    }

    private Replica waitUntilReady(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("replica " + name + " exited; see " + log);
            }
            try {
                if (get("/q/health/ready").statusCode() == 200) {
                    return this;
                }
            } catch (IOException e) {
                // not listening yet
            }
            Thread.sleep(200);
        }
        throw new IllegalStateException("replica " + name + " not ready after " + timeout + "; see " + log);
    }

    public HttpResponse<String> post(String path, String contentType, String token, String body)
            throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(URI.create(url() + path)).timeout(Duration.ofSeconds(30))
                .header("Content-Type", contentType).header("Authorization", "Bearer " + token)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    public HttpResponse<String> get(String path) throws IOException, InterruptedException {
        // generous: a replica just started on a loaded 2-core machine may be slow to answer its first search
        return HTTP.send(HttpRequest.newBuilder(URI.create(url() + path)).timeout(Duration.ofSeconds(30)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    public String url() {
        return "http://127.0.0.1:" + port;
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy(); // SIGTERM: Quarkus shuts down gracefully
        if (!process.waitFor(15, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
