package dev.bricks.cart;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * A cart replica always starts (issue #12: one start in twenty failed with a
 * {@code ConcurrentModificationException} when the sweep and the main thread created the Redis
 * data sources at once). The packaged brick, as the launcher runs it, is started many times in a
 * row against the live Redis and Kafka; every start must get ready and log no error.
 */
class RepeatedStartIT {

    private static final int STARTS = Integer.getInteger("bricks.cart.repeated-starts", 6);
    private static final Duration READY_WITHIN = Duration.ofSeconds(90);
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    @Test
    void thePackagedBrickGetsReadyAtEveryStart() throws Exception {
        Path jar = Path.of("target", "quarkus-app", "quarkus-run.jar").toAbsolutePath();
        assertTrue(Files.isRegularFile(jar), "the packaged brick is missing: " + jar);
        List<String> failures = new ArrayList<>();
        long slowest = 0;
        long total = 0;
        for (int i = 1; i <= STARTS; i++) {
            Path log = Files.createTempFile("cart-start-" + i + "-", ".log");
            int port = freePort();
            long started = System.nanoTime();
            ProcessBuilder replica = new ProcessBuilder("java", "-Xmx128m", "-XX:TieredStopAtLevel=1", "-jar",
                    jar.toString()).redirectErrorStream(true).redirectOutput(log.toFile());
            // the application environment of the test command (Redis, Kafka, keys), on a port of its own
            replica.environment().put("BRICKS_HTTP_PORT", Integer.toString(port));
            Process process = replica.start();
            try {
                String outcome = awaitReady(process, port);
                long took = (System.nanoTime() - started) / 1_000_000;
                String output = Files.readString(log, StandardCharsets.UTF_8);
                if (outcome != null) {
                    failures.add("start " + i + ": " + outcome + "\n" + tail(output));
                } else if (output.contains("Exception") || output.contains(" ERROR ")) {
                    failures.add("start " + i + " got ready but logged an error:\n" + tail(output));
                }
                slowest = Math.max(slowest, took);
                total += took;
            } finally {
                process.destroy();
                if (!process.waitFor(30, TimeUnit.SECONDS)) {
                    process.destroyForcibly().waitFor();
                }
                Files.deleteIfExists(log);
            }
        }
        System.out.printf("cart brick: %d starts, %d failed; ready after %d ms on average, %d ms at most%n",
                STARTS, failures.size(), total / STARTS, slowest);
        assertEquals(List.of(), failures);
    }

    /** Null once the replica answers ready, else why it did not. */
    private static String awaitReady(Process process, int port) throws InterruptedException {
        long deadline = System.nanoTime() + READY_WITHIN.toNanos();
        HttpRequest ready = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/q/health/ready"))
                .timeout(Duration.ofSeconds(2)).build();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                return "the process exited with status " + process.exitValue();
            }
            try {
                if (HTTP.send(ready, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return null;
                }
            } catch (IOException e) {
                // not listening yet
            }
            Thread.sleep(100);
        }
        return "not ready within " + READY_WITHIN.toSeconds() + " s";
    }

    private static String tail(String output) {
        String[] lines = output.split("\n");
        return String.join("\n", List.of(lines).subList(Math.max(0, lines.length - 40), lines.length));
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
