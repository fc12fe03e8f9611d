package dev.bricks.order.support;

import dev.bricks.testing.Kafka;
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
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The packaged order-service ({@code target/quarkus-app/quarkus-run.jar}) as a separate process
 * on its own topics and consumer group, so that a test can stop it, kill it and start it again.
 */
public final class OrderServiceProcess implements AutoCloseable {

    private static final Path JAR = Path.of("target/quarkus-app/quarkus-run.jar");
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final List<String> command;
    private final File log;
    private final int port;
    private final Process process;

    private OrderServiceProcess(List<String> command, File log, int port) throws IOException {
        this.command = command;
        this.log = log;
        this.port = port;
        this.process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log)).start();
    }

    public static OrderServiceProcess start(String topic, String deadLetterTopic, String group, String logName)
            throws IOException {
        if (!Files.exists(JAR)) {
            throw new IllegalStateException(JAR.toAbsolutePath() + " is missing: run the ITs with mvn verify");
        }
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-XX:TieredStopAtLevel=1",
                "-Dquarkus.http.port=" + port,
                "-Dbricks.orders.topic=" + topic,
                "-Dbricks.orders.dlq-topic=" + deadLetterTopic,
                "-Dbricks.orders.consumer-group=" + group,
                "-Dkafka.bootstrap.servers=" + Kafka.bootstrap(),
                "-jar", JAR.toAbsolutePath().toString());
        File log = Path.of("target", logName + ".log").toFile();
        return new OrderServiceProcess(command, log, port);
    }

    /** Everything the process wrote so far (its log, appended to by every start with the same name). */
    public String log() throws IOException {
        return Files.readString(log.toPath());
    }

    /** The same command again (same port, topics and group). */
    public OrderServiceProcess restart() throws IOException {
        return new OrderServiceProcess(command, log, port);
    }

    public OrderServiceProcess awaitReady(Duration timeout) {
        Await.until(timeout, "order-service on port " + port + " to be ready (log: " + log + ")", () -> {
            if (!process.isAlive()) {
                throw new AssertionError("order-service exited " + process.exitValue() + "; see " + log);
            }
            return get("/q/health/ready") == 200;
        });
        return this;
    }

    /** A counter of /q/metrics, e.g. {@code orders_drained_total{outcome="duplicate"}}; -1 if absent. */
    public double metric(String nameAndTags) {
        try {
            String body = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/q/metrics"))
                    .build(), HttpResponse.BodyHandlers.ofString()).body();
            return body.lines().filter(l -> l.startsWith(nameAndTags.substring(0, nameAndTags.length() - 1)))
                    .findFirst().map(Metrics::sampleValue).orElse(-1.0);
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    /** A sample of /q/metrics as {@link Metrics#value} reads it (0 when absent); -1 if the process does not answer. */
    public double metric(String name, String label) {
        try {
            String page = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/q/metrics"))
                    .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString()).body();
            return Metrics.value(page, name, label);
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    /**
     * SIGTERM, and wait for the graceful shutdown; SIGKILL after 60 s.
     *
     * @return whether the process ended on its own (its shutdown ran to the end) rather than by the SIGKILL
     */
    public boolean stop() throws InterruptedException {
        process.destroy();
        if (process.waitFor(60, TimeUnit.SECONDS)) {
            return true;
        }
        process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        return false;
    }

    /** SIGKILL: no shutdown hook, no offset commit, nothing. */
    public void kill() throws InterruptedException {
        process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            kill();
        }
    }

    private int get(String path) {
        try {
            return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                    .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }
}
